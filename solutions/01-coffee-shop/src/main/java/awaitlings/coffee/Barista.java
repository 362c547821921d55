package awaitlings.coffee;

/**
 * The barista: makes one coffee per call, and takes a while. Given code: you do not need to change it.
 *
 * <p>{@link #brew} blocks the calling thread until the coffee is made, like a person at the machine.
 * If the brew fails (out of beans, machine broken), it throws, and that exception is the reason.
 */
public interface Barista {

    /** Brews {@code drink} on the calling thread and returns it; throws if the brew fails. */
    Coffee brew(String drink);
}
