package awaitlings.grader.command;

import awaitlings.grader.model.Shard;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a shard as {@code K/N}, the K-th of N slices, counted from 1: {@code 2/3} is the second of three. */
final class ShardConverter implements ITypeConverter<Shard> {

    // Nine digits at most: more would overflow an int, and no batch has that many machines.
    private static final Pattern SHARD = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

    @Override
    public Shard convert(String text) {
        Matcher shard = SHARD.matcher(text.strip());
        if (!shard.matches()) {
            throw new TypeConversionException("'" + text + "' is not a shard; write it as K/N, e.g. 2/3 for the second of 3");
        }
        try {
            return new Shard(Integer.parseInt(shard.group(1)), Integer.parseInt(shard.group(2)));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + text + "' is not a shard; " + e.getMessage());
        }
    }
}
