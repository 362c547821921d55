package awaitlings.coffee;

/**
 * A cup of coffee, as the barista hands it over. Given code: you do not need to change it.
 *
 * @param drink what is in the cup, e.g. {@code "latte"}
 */
public record Coffee(String drink) {
}
