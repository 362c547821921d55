package awaitlings.taskgroup;

/**
 * A task forked in a {@link TaskGroup}: the handle to its result. Given code: you need not change it.
 *
 * @param <T> what the task returns
 */
@FunctionalInterface
public interface Subtask<T> {

    /**
     * The task's result, once {@link TaskGroup#join()} has returned without throwing.
     *
     * @throws IllegalStateException while the task runs, or when it failed or was cancelled
     */
    T get();
}
