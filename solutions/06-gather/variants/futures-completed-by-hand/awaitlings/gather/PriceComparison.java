package awaitlings.gather;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** Correct, in another style: one result future completed by hand, a countdown of shops still to answer. */
public class PriceComparison {

    private final PriceService service;

    public PriceComparison(PriceService service) {
        this.service = service;
    }

    public CompletableFuture<List<String>> pricesAt(List<String> shops) {
        return collect(shops, Function.identity(), true);
    }

    public CompletableFuture<List<Outcome>> outcomesAt(List<String> shops) {
        return collect(shops, Outcome::price, false);
    }

    private <T> CompletableFuture<List<T>> collect(List<String> shops, Function<String, T> onPrice, boolean failFast) {
        CompletableFuture<List<T>> result = new CompletableFuture<>();
        Object[] slots = new Object[shops.size()];
        AtomicInteger missing = new AtomicInteger(shops.size());
        if (shops.isEmpty()) {
            result.complete(List.of());
        }
        for (int i = 0; i < shops.size(); i++) {
            int slot = i;
            BiConsumer<String, Throwable> settle = (price, failure) -> {
                if (failure != null && failFast) {
                    result.completeExceptionally(failure);
                    return;
                }
                slots[slot] = failure == null ? onPrice.apply(price) : Outcome.failure(failure);
                if (missing.decrementAndGet() == 0) {
                    @SuppressWarnings("unchecked")
                    List<T> values = (List<T>) new ArrayList<>(Arrays.asList(slots));
                    result.complete(values);
                }
            };
            service.priceAt(shops.get(i)).whenComplete(settle);
        }
        return result;
    }
}
