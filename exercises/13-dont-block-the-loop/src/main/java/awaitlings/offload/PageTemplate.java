package awaitlings.offload;

/**
 * Turns a report into the page the server sends back. Like everything the server's loop owns, it is not
 * thread-safe: use it on the loop's thread only. Given code: you need not change it.
 */
@FunctionalInterface
public interface PageTemplate {

    /** The page for report {@code name} with the content {@code report}. Call it on the loop's thread. */
    String render(String name, String report);
}
