package awaitlings.http;

import java.net.URI;

/**
 * A server answered, but not with success (a status outside 200–299). Given code: you do not need to change it.
 */
public class HttpStatusException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final URI uri;

    public HttpStatusException(int status, URI uri) {
        super("GET " + uri + " answered " + status);
        this.status = status;
        this.uri = uri;
    }

    /** The status the server answered, e.g. {@code 404}. */
    public int status() {
        return status;
    }

    /** The address that was asked for. */
    public URI uri() {
        return uri;
    }
}
