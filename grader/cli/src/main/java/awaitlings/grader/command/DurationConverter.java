package awaitlings.grader.command;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration as people write it — {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, {@code 1m30s} — or in
 * ISO-8601 ({@code PT10S}). It must be positive: a limit of zero would fail every check.
 */
final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    @Override
    public Duration convert(String text) {
        Duration duration = parse(text);
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new TypeConversionException("'" + text + "' is not a positive duration; write it like 500ms, 10s, 2m or 1m30s");
        }
        return duration;
    }

    private static Duration parse(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        if (trimmed.startsWith("pt")) {
            try {
                return Duration.parse(trimmed);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Matcher part = PART.matcher(trimmed);
        Duration total = Duration.ZERO;
        int at = 0;
        try {
            while (part.find() && part.start() == at) {
                long amount = Long.parseLong(part.group(1));
                total = total.plus(switch (part.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                });
                at = part.end();
            }
        } catch (ArithmeticException | NumberFormatException tooLarge) {
            return null;
        }
        return at == trimmed.length() && at > 0 ? total : null;
    }
}
