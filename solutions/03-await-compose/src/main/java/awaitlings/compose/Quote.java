package awaitlings.compose;

/** What an item costs in cents and how many are in stock. Given code. */
public record Quote(String item, int priceCents, int inStock) {
}
