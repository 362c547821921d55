package awaitlings.grader.submission;

import awaitlings.grader.files.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Turns the command line's SUBMISSION arguments into submissions. An argument is a course clone (a folder with
 * {@code exercises/}), a {@code .zip} of one, or a folder of many of these.
 *
 * <p>What the instructor typed must be right, so a missing path, an unreadable zip or a folder with no submission
 * in it is an error. What a learner handed in never stops the batch: inside a folder of many, a zip that cannot be
 * read or holds no course is still a submission (graded as the course's stubs, with a note saying why), so the
 * learner gets a result and the instructor sees the reason.
 */
public final class Submissions {

    private Submissions() {
    }

    /**
     * The submissions named by {@code args}, in argument order (the children of a folder of many by name); zips
     * are extracted into {@code tempDir}.
     *
     * @param batchNotes receives what was left out of the batch and why, e.g. a child that is neither a clone nor a zip
     * @throws IllegalArgumentException for a missing path, an unreadable zip, a zip with no course in it, a file that
     *                                  is not a zip, or a folder that holds no submission at all
     */
    public static List<Submission> collect(List<Path> args, Path tempDir, Consumer<String> batchNotes) {
        List<Submission> found = new ArrayList<>();
        for (Path arg : args) {
            Path path = arg.toAbsolutePath().normalize();
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("no such file or folder: " + arg);
            }
            if (Files.isDirectory(path) && isClone(path)) {
                found.add(new Submission(name(path), path));
            } else if (Files.isDirectory(path)) {
                found.addAll(many(path, arg, tempDir, found.size(), batchNotes));
            } else if (isZip(path)) {
                found.add(zip(path, tempDir.resolve(String.valueOf(found.size())), true));
            } else {
                throw new IllegalArgumentException("not a submission: " + arg + " is neither a folder nor a .zip");
            }
        }
        return uniqueIds(found);
    }

    private static List<Submission> many(Path folder, Path arg, Path tempDir, int counted, Consumer<String> batchNotes) {
        List<Submission> found = new ArrayList<>();
        for (Path child : children(folder, arg)) {
            String name = child.getFileName().toString();
            if (Files.isSymbolicLink(child)) {
                batchNotes.accept("skipped " + child + ": a symbolic link, not followed");
            } else if (Files.isDirectory(child) && isClone(child)) {
                found.add(new Submission(name, child));
            } else if (Files.isRegularFile(child) && isZip(child)) {
                found.add(zip(child, tempDir.resolve(String.valueOf(counted + found.size())), false));
            } else if (!name.startsWith(".")) {
                // Hidden files (.DS_Store, .git) are the file manager's, not a learner's: not worth a note.
                batchNotes.accept("skipped " + child + ": neither a course clone (no exercises/ folder) nor a .zip");
            }
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no submission in " + arg
                    + ": it has no exercises/ folder, and no folder with one or .zip inside");
        }
        return found;
    }

    /** A zip's submission: the instructor's own argument must be a readable course; a learner's is graded anyway. */
    private static Submission zip(Path zip, Path target, boolean argument) {
        String id = plainId(name(zip).substring(0, name(zip).length() - ".zip".length()));
        List<String> notes = new ArrayList<>();
        try {
            notes.addAll(SafeUnzip.extract(zip, target));
        } catch (IOException e) {
            if (argument) {
                throw new IllegalArgumentException("cannot read zip " + zip + ": " + e.getMessage());
            }
            notes.add("the zip could not be read (" + e.getMessage() + "): the course's stubs were graded");
            return new Submission(id, emptyFolder(target), notes);
        }
        Path root = courseIn(target);
        if (root == null) {
            if (argument) {
                throw new IllegalArgumentException("not a course layout: " + zip
                        + " has no exercises/ folder, at its top or in its one top folder");
            }
            notes.add("the zip has no exercises/ folder: the course's stubs were graded");
            root = target;
        }
        return new Submission(id, root, notes);
    }

    /** Where the course is in an extracted zip: its top, or the one top folder that holds it (as "Download ZIP" makes). */
    private static Path courseIn(Path extracted) {
        if (isClone(extracted)) {
            return extracted;
        }
        try (Stream<Path> tops = Files.list(extracted)) {
            List<Path> clones = tops.filter(top -> Files.isDirectory(top, LinkOption.NOFOLLOW_LINKS) && isClone(top)).toList();
            return clones.size() == 1 ? clones.get(0) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Renames the second and later of equal ids {@code id-2}, {@code id-3}, … so their outputs never mix, and so any
     * id that names a file of the batch's own ({@code gradebook.csv}, {@code report.html}) or a hidden one (a
     * leading dot) in any case: a submission's results folder must never stand where the batch writes its summary.
     */
    private static List<Submission> uniqueIds(List<Submission> submissions) {
        Set<String> taken = new HashSet<>(RESERVED);
        submissions.forEach(s -> taken.add(key(s.id())));
        Set<String> used = new HashSet<>(RESERVED);
        List<Submission> unique = new ArrayList<>();
        for (Submission s : submissions) {
            String wanted = s.id().startsWith(".") ? "_" + s.id() : s.id();
            if (used.add(key(wanted))) {
                unique.add(wanted.equals(s.id()) ? s : renamed(s, wanted, "a name starting with a dot would be a hidden folder"));
                continue;
            }
            String id;
            int n = 2;
            do {
                id = wanted + "-" + n++;
            } while (used.contains(key(id)) || taken.contains(key(id)));
            used.add(key(id));
            unique.add(renamed(s, id, RESERVED.contains(key(wanted))
                    ? "the name is taken by a file the grader writes for the whole batch"
                    : "another submission has the same name"));
        }
        return unique;
    }

    /** Names the batch's own files take in the results folder. */
    private static final Set<String> RESERVED = Set.of("gradebook.csv", "report.html");

    /** Ids that would name the same folder on a file system that ignores case are the same id. */
    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    private static Submission renamed(Submission s, String id, String why) {
        List<String> notes = new ArrayList<>(s.notes());
        notes.add("renamed from " + s.id() + " to " + id + ": " + why);
        return new Submission(id, s.root(), notes);
    }

    private static List<Path> children(Path folder, Path arg) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read folder " + arg + ": " + e.getMessage());
        }
    }

    private static Path emptyFolder(Path target) {
        try {
            Folders.delete(target);
            return Files.createDirectories(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isClone(Path folder) {
        return Files.isDirectory(folder.resolve("exercises"), LinkOption.NOFOLLOW_LINKS);
    }

    private static boolean isZip(Path file) {
        return name(file).toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /** An id that is a plain file name, because it names the submission's results folder. */
    private static String plainId(String name) {
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "submission" : name;
    }

    private static String name(Path path) {
        return path.getFileName() == null ? "submission" : path.getFileName().toString();
    }
}
