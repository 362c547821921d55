package awaitlings.gather;

/**
 * What one shop answered: a price, or the exception it failed with. Given code: you do not need to change it.
 *
 * @param price   the price, or {@code null} when the shop failed
 * @param failure the shop's own exception, or {@code null} when it answered
 */
public record Outcome(String price, Throwable failure) {

    /** A shop that answered {@code price}. */
    public static Outcome price(String price) {
        return new Outcome(price, null);
    }

    /** A shop that failed with {@code failure}. */
    public static Outcome failure(Throwable failure) {
        return new Outcome(null, failure);
    }
}
