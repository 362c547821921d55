package awaitlings.grader.model;

/**
 * One graded check, known before anything runs: found by discovering the course's tests.
 *
 * @param exercise  the exercise folder, e.g. {@code 03-await-compose}
 * @param id        stable identity: {@code TestClass.method()}
 * @param name      the check's display name, a sentence
 * @param points    what it is worth ({@code @Points}, default 1)
 * @param hidden    whether it comes from the hidden tests under {@code solutions/}
 * @param hint      the check's {@code @Hint}, empty when it has none
 * @param testClass the test class's binary name, e.g. {@code awaitlings.coffee.CoffeeShopTest}
 * @param file      the test's source file, relative to the course root with {@code /} between names; empty when
 *                  unknown
 * @param line      the line of the test method's declaration in {@code file}, from 1; 0 when unknown
 */
public record Check(String exercise, String id, String name, int points, boolean hidden, String hint,
                    String testClass, String file, int line) {

    public Check {
        testClass = testClass == null || testClass.isEmpty() ? classOf(id, exercise) : testClass;
        file = file == null ? "" : file;
    }

    /** A check known by its id alone, as tests build them by hand: its class comes from the id, its source is unknown. */
    public Check(String exercise, String id, String name, int points, boolean hidden, String hint) {
        this(exercise, id, name, points, hidden, hint, "", "", 0);
    }

    /** {@code CoffeeShopTest} of {@code CoffeeShopTest.threeOrders()}; the exercise when the id has no class. */
    private static String classOf(String id, String exercise) {
        int paren = id.indexOf('(');
        String qualified = paren < 0 ? id : id.substring(0, paren);
        int dot = qualified.lastIndexOf('.');
        return dot <= 0 ? exercise : qualified.substring(0, dot);
    }
}
