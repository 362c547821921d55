package awaitlings.race;

/**
 * One mirror of a download site. Given code: leave it as it is.
 *
 * <p>{@link #download} blocks the calling thread until the copy is there. It stops as soon as its thread is
 * interrupted (throwing {@link java.util.concurrent.CancellationException}); if the mirror fails, it throws.
 */
@FunctionalInterface
public interface Mirror {

    /** A copy of {@code file} from this mirror; throws if the mirror fails, or when interrupted. */
    String download(String file);
}
