package awaitlings.grader;

/** A failed check's throwable as the learner should read it. */
final class Failures {

    private Failures() {
    }

    static String describe(Throwable failure) {
        if (failure instanceof NoSuchMethodError || failure instanceof NoSuchFieldError || failure instanceof NoClassDefFoundError) {
            return "The checks call something your code no longer has: " + failure.getMessage()
                    + ". Keep the classes and methods the exercise gave you, with the same names and parameters.";
        }
        String message = failure.getMessage() == null ? "" : failure.getMessage().strip();
        if (failure instanceof AssertionError && !message.isEmpty()) {
            return message;
        }
        return failure.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
