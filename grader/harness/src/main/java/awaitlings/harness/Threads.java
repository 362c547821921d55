package awaitlings.harness;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/** Thread facts that differ between JDK 17 and 21+, asked in one place. */
final class Threads {

    // Thread.isVirtual() exists from JDK 21; on JDK 17 no thread is virtual.
    private static final MethodHandle IS_VIRTUAL = findIsVirtual();

    private Threads() {
    }

    static boolean isVirtual(Thread thread) {
        if (IS_VIRTUAL == null) {
            return false;
        }
        try {
            return (boolean) IS_VIRTUAL.invokeExact(thread);
        } catch (Throwable impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static MethodHandle findIsVirtual() {
        try {
            return MethodHandles.publicLookup()
                    .findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
        } catch (ReflectiveOperationException notOnThisJdk) {
            return null;
        }
    }
}
