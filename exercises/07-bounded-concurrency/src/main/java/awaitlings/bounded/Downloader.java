package awaitlings.bounded;

/**
 * Downloads one page from a server that allows only a few connections per client. Given code: leave it as it is.
 *
 * <p>{@link #download} blocks the calling thread until the page is there; if the download fails, it throws.
 */
@FunctionalInterface
public interface Downloader {

    /** The page at {@code url}, e.g. {@code "/a"} → {@code "page /a"}; throws if the download fails. */
    String download(String url);
}
