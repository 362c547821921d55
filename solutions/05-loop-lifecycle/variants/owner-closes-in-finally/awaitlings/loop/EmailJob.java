package awaitlings.loop;

/** The nightly email job: has the mail service send tonight's summary email, on an event loop the job owns. */
public class EmailJob {

    private final JobService mail;

    public EmailJob(JobService mail) {
        this.mail = mail;
    }

    /**
     * Sends tonight's email on a loop of its own and closes that loop, also when the service fails
     * (then this throws a {@link java.util.concurrent.CompletionException} with the service's exception as cause).
     */
    public String run() {
        EventLoop loop = Loops.newLoop();
        try {
            return loop.submit(() -> mail.call("email")).join();
        } finally {
            loop.close();
        }
    }
}
