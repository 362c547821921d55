package awaitlings.virtual;

/**
 * The shop's catalog server: one product page per path. A request blocks the calling thread for about 100 ms until
 * the page is there. Given code: you need not change it.
 */
@FunctionalInterface
public interface Catalog {

    /** The page at {@code path}, e.g. {@code "/p/42"}; throws when the server fails. Blocks until it answers. */
    String get(String path);
}
