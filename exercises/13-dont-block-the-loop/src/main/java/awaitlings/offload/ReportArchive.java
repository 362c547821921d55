package awaitlings.offload;

/**
 * Where the reports are kept: a database on a slow disk. Loading one blocks the calling thread until it is read.
 * Given code: you need not change it.
 */
@FunctionalInterface
public interface ReportArchive {

    /** The report called {@code name}, e.g. {@code "q3"}; throws when the archive fails. Blocks while it reads. */
    String load(String name);
}
