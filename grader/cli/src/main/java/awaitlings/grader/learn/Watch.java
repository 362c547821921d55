package awaitlings.grader.learn;

import awaitlings.grader.model.Course;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.pipeline.Recheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The learner's loop: rechecks an exercise on every save of its sources and shows its checks, and answers keys —
 * {@code h} the next hint, {@code n} the next exercise once this one passes, {@code l} the list, {@code q} quit,
 * Enter to recheck now. Without file watching (or with {@code manual}), Enter is how to recheck.
 */
public final class Watch {

    /** What the loop reacts to: a key, a save, or the end of input. */
    private sealed interface Event {
    }

    private record Key(char key) implements Event {
    }

    private record Saved() implements Event {
    }

    private record EndOfInput() implements Event {
    }

    private static final Duration SETTLE = Duration.ofMillis(150);

    private final Course course;
    private final Journal journal;
    private final Screen screen;
    private final Coach coach;
    private final PrintStream out;
    private final Duration testLimit;
    private final Duration budget;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    public Watch(Course course, PrintStream out, Duration testLimit, Duration budget) {
        this.course = course;
        this.journal = Journal.of(course.root());
        this.screen = new Screen(course);
        this.coach = new Coach(course, journal);
        this.out = out;
        this.testLimit = testLimit;
        this.budget = budget;
    }

    /** The exercise to start with: the one named, else the first not done. */
    public String firstExercise(String named) {
        if (named != null) {
            return course.only(named).exercises().get(0);
        }
        return coach.current().orElse(course.exercises().get(course.exercises().size() - 1));
    }

    /** Runs the loop from {@code exercise} until {@code q} or the end of {@code in}. */
    public void run(String exercise, InputStream in, boolean manual) throws IOException, InterruptedException {
        readKeys(in);
        String current = exercise;
        while (current != null) {
            current = watchOne(current, manual);
        }
        out.println("Bye. Your progress is kept in " + Journal.FILE + ".");
    }

    /** Watches one exercise; returns the next one to watch, or null to quit. */
    private String watchOne(String exercise, boolean manual) throws IOException, InterruptedException {
        try (Recheck recheck = new Recheck(course, exercise, testLimit, budget);
             WatchService saves = manual ? null : watchSources(exercise)) {
            if (saves == null) {
                out.println("Rechecking when you press Enter (file watching is off).");
            }
            ExerciseResult last = recheck(recheck);
            while (true) {
                Event event = events.take();
                if (event instanceof EndOfInput) {
                    return null;
                } else if (event instanceof Saved) {
                    settle();
                    last = recheck(recheck);
                } else if (event instanceof Key key) {
                    switch (Character.toLowerCase(key.key())) {
                        case 'q' -> {
                            return null;
                        }
                        case 'h' -> out.println(coach.revealHint(exercise));
                        case 'l' -> out.print(screen.list(journal));
                        case 'n' -> {
                            if (Journal.passes(last)) {
                                String next = coach.current().orElse(null);
                                if (next == null) {
                                    out.println("Every exercise is done: nothing left to watch.");
                                    return null;
                                }
                                return next;
                            }
                            out.println("Not yet: " + exercise + " must pass every check before the next one.");
                        }
                        case '\n', '\r' -> last = recheck(recheck);
                        default -> out.println(keys());
                    }
                }
            }
        }
    }

    private ExerciseResult recheck(Recheck recheck) throws IOException {
        out.println("Checking " + recheck.exercise() + "…");
        long started = System.nanoTime();
        ExerciseResult result = recheck.run();
        journal.record(result);
        out.print(screen.exercise(result, journal));
        out.println(keys() + " · checked in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
        return result;
    }

    private static String keys() {
        return "keys: h hint · n next exercise · l list · q quit · Enter recheck";
    }

    /** Lets a burst of saves (an editor writes, renames, touches) end, then forgets it: one recheck for one save. */
    private void settle() throws InterruptedException {
        Thread.sleep(SETTLE.toMillis());
        events.removeIf(event -> event instanceof Saved);
    }

    /** Reads keys on a daemon thread: a key, then Enter, counts as the key alone. */
    private void readKeys(InputStream in) {
        Thread reader = new Thread(() -> {
            try {
                int previous = '\n';
                for (int c = in.read(); c >= 0; previous = c, c = in.read()) {
                    boolean enterAfterKey = (c == '\n' || c == '\r') && previous != '\n' && previous != '\r';
                    if (!enterAfterKey && c != ' ') {
                        events.add(new Key((char) c));
                    }
                }
            } catch (IOException closed) {
                // the same as the end of input
            }
            events.add(new EndOfInput());
        }, "watch-keys");
        reader.setDaemon(true);
        reader.start();
    }

    /** A watch service on every folder of the exercise's sources, whose events become saves; null if there is none. */
    private WatchService watchSources(String exercise) {
        Path sources = course.exercise(exercise).resolve("src/main");
        try {
            WatchService service = FileSystems.getDefault().newWatchService();
            registerAll(service, sources);
            Thread watcher = new Thread(() -> forwardSaves(service, sources), "watch-files");
            watcher.setDaemon(true);
            watcher.start();
            return service;
        } catch (IOException | UnsupportedOperationException unavailable) {
            out.println("Cannot watch " + sources + " for saves (" + unavailable.getMessage() + ").");
            return null;
        }
    }

    private void forwardSaves(WatchService service, Path sources) {
        try {
            while (true) {
                WatchKey key = service.poll(1, TimeUnit.SECONDS);
                if (key == null) {
                    continue;
                }
                boolean created = key.pollEvents().stream().anyMatch(e -> e.kind() == StandardWatchEventKinds.ENTRY_CREATE);
                key.reset();
                if (created) {
                    registerAll(service, sources); // a new package folder is watched too
                }
                events.add(new Saved());
            }
        } catch (ClosedWatchServiceException | InterruptedException closed) {
            // the exercise is no longer watched
        } catch (IOException | UncheckedIOException gone) {
            events.add(new Saved()); // the folder changed under us: recheck and let the learner see
        }
    }

    private static void registerAll(WatchService service, Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }
}
