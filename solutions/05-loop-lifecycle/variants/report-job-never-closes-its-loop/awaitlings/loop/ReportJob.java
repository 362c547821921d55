package awaitlings.loop;

/** The nightly report job: asks the report service for tonight's report, on an event loop the job owns. */
public class ReportJob {

    private final JobService reports;

    public ReportJob(JobService reports) {
        this.reports = reports;
    }

    /**
     * Fetches tonight's report on a loop of its own and closes that loop, also when the service fails
     * (then this throws a {@link java.util.concurrent.CompletionException} with the service's exception as cause).
     */
    public String run() {
        // Owns a loop of its own, but never closes it: its thread lives on after the job.
        EventLoop loop = Loops.newLoop();
        return loop.submit(() -> reports.call("report")).join();
    }
}
