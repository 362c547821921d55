package awaitlings.loop;

/**
 * The nightly email job: has the mail service send tonight's summary email, on an event loop.
 * Goal (tasks 2 and 3): the job runs on a loop it owns and always closes, so it works whatever job ran before it.
 */
public class EmailJob {

    private final JobService mail;

    public EmailJob(JobService mail) {
        this.mail = mail;
    }

    /**
     * Sends tonight's email on a loop and closes that loop, also when the service fails
     * (then this throws a {@link java.util.concurrent.CompletionException} with the service's exception as cause).
     */
    public String run() {
        // TODO: task 2 — this job borrows the program's shared loop and then closes it, so the next job that
        //  borrows it finds it closed. Create a loop of its own with Loops.newLoop(), and leave the shared one alone.
        // TODO: task 3 — when join() throws, the close() below never runs and the loop's thread lives on.
        //  Close the loop on every path: try-with-resources.
        EventLoop loop = Loops.shared();
        String receipt = loop.submit(() -> mail.call("email")).join();
        loop.close();
        return receipt;
    }
}
