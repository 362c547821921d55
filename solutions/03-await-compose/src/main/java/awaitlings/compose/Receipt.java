package awaitlings.compose;

/** What a checkout gives back: whose cart it was, which cart, and what it cost in cents. Given code. */
public record Receipt(String user, String cart, int totalCents) {
}
