package awaitlings.grader.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The files a grading run can write, as named on the command line ({@code --formats gradescope,csv}). */
public enum Format {
    /** {@code <id>/results.json}, Gradescope's autograder results. */
    GRADESCOPE,
    /** {@code <id>/exercism.json}, Exercism's test-runner results, version 3. */
    EXERCISM,
    /** {@code <id>/classroom.json}, the GitHub Classroom runner result (before its base64 encoding). */
    CLASSROOM,
    /** {@code <id>/junit/<exercise>.xml}, JUnit XML as Surefire writes it. */
    JUNIT,
    /** {@code gradebook.csv}, one row per submission. */
    CSV,
    /** {@code report.html}, one static page for the instructor. */
    HTML;

    /** Every format: what a run writes unless told otherwise. */
    public static Set<Format> all() {
        return Collections.unmodifiableSet(EnumSet.allOf(Format.class));
    }

    /**
     * The formats of a comma-separated list, in any case, spaces allowed; {@code all}, or a null or blank list, means
     * every format.
     *
     * @throws IllegalArgumentException naming the first unknown format and the known ones, in one line
     */
    public static Set<Format> parse(String commaList) {
        if (commaList == null || commaList.isBlank()) {
            return all();
        }
        EnumSet<Format> formats = EnumSet.noneOf(Format.class);
        for (String item : commaList.split(",")) {
            String name = item.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (name.equals("all")) {
                return all();
            }
            formats.add(named(name));
        }
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("no format in \"" + commaList + "\"; known formats: " + known());
        }
        return Collections.unmodifiableSet(formats);
    }

    private static Format named(String name) {
        return Arrays.stream(values())
                .filter(format -> format.name().toLowerCase(Locale.ROOT).equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown format \"" + name + "\"; known formats: " + known()));
    }

    private static String known() {
        return Arrays.stream(values()).map(format -> format.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                + " (or all)";
    }
}
