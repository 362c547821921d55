package awaitlings.loop;

/**
 * The remote service a nightly job calls, e.g. the report server or the mail server. It blocks until it replies.
 * Given code: you need not change it.
 */
@FunctionalInterface
public interface JobService {

    /** Sends {@code request} and returns the reply; throws if the service fails. */
    String call(String request);
}
