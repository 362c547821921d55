package awaitlings.backpressure;

/**
 * The log server's client: it uploads one line and returns once the server has stored it. It is slow, and it blocks
 * the calling thread meanwhile. Several threads may upload at once. Given code: you need not change it.
 */
@FunctionalInterface
public interface Uploader {

    /** Uploads {@code line}; throws when the server refuses it. */
    void upload(String line);
}
