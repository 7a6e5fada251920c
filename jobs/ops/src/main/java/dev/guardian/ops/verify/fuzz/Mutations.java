package dev.guardian.ops.verify.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Ways to spoil a record, for fuzzing an input topic: byte-level damage to any encoding, and
 * structural damage to JSON. Every method is a pure function of its input and the random source.
 */
public final class Mutations {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The byte-level mutations, by name. */
    public enum Bytes {
        FLIP_BITS,
        TRUNCATE,
        INSERT_GARBAGE,
        DELETE_SLICE,
        REPEAT_SLICE,
        RANDOM_BYTES,
        EMPTY;

        public byte[] apply(byte[] input, Random random) {
            switch (this) {
                case FLIP_BITS:
                    return flipBits(input, random, 1 + random.nextInt(6));
                case TRUNCATE:
                    return Arrays.copyOf(
                            input, input.length <= 1 ? 0 : random.nextInt(input.length));
                case INSERT_GARBAGE:
                    return insert(
                            input,
                            random.nextInt(input.length + 1),
                            randomBytes(random, 1 + random.nextInt(16)));
                case DELETE_SLICE:
                    return deleteSlice(input, random);
                case REPEAT_SLICE:
                    return repeatSlice(input, random);
                case RANDOM_BYTES:
                    return randomBytes(random, random.nextInt(400));
                case EMPTY:
                default:
                    return new byte[0];
            }
        }
    }

    /** The JSON-level mutations, by name. */
    public enum Json {
        DROP_FIELD,
        WRONG_TYPE,
        NULL_VALUE,
        HUGE_NUMBER,
        DEEP_NESTING,
        NOT_AN_OBJECT,
        BROKEN_SYNTAX,
        INVALID_UTF8;

        public byte[] apply(byte[] json, Random random) {
            try {
                switch (this) {
                    case DROP_FIELD:
                        {
                            ObjectNode node = (ObjectNode) JSON.readTree(json);
                            List<String> names = fieldNames(node);
                            node.remove(names.get(random.nextInt(names.size())));
                            return JSON.writeValueAsBytes(node);
                        }
                    case WRONG_TYPE:
                        {
                            ObjectNode node = (ObjectNode) JSON.readTree(json);
                            List<String> names = fieldNames(node);
                            String name = names.get(random.nextInt(names.size()));
                            JsonNode value = node.get(name);
                            if (value.isTextual()) {
                                node.putArray(name).add(1).add(2);
                            } else if (value.isNumber()) {
                                node.putObject(name).put("not", "a number");
                            } else {
                                node.put(name, random.nextBoolean());
                            }
                            return JSON.writeValueAsBytes(node);
                        }
                    case NULL_VALUE:
                        {
                            ObjectNode node = (ObjectNode) JSON.readTree(json);
                            List<String> names = fieldNames(node);
                            node.putNull(names.get(random.nextInt(names.size())));
                            return JSON.writeValueAsBytes(node);
                        }
                    case HUGE_NUMBER:
                        {
                            String text = new String(json, StandardCharsets.UTF_8);
                            return text.replaceFirst(
                                            "(\"value\"\\s*:\\s*)[^,}]+",
                                            "$1"
                                                    + "9".repeat(400 + random.nextInt(4000))
                                                    + "e999999")
                                    .getBytes(StandardCharsets.UTF_8);
                        }
                    case DEEP_NESTING:
                        {
                            int depth = 2_000 + random.nextInt(20_000);
                            return ("{\"name\":" + "[".repeat(depth) + "]".repeat(depth) + "}")
                                    .getBytes(StandardCharsets.UTF_8);
                        }
                    case NOT_AN_OBJECT:
                        {
                            String[] shapes = {
                                "null", "[]", "42", "\"metric\"", "true", "{}", "[{}]"
                            };
                            return shapes[random.nextInt(shapes.length)].getBytes(
                                    StandardCharsets.UTF_8);
                        }
                    case BROKEN_SYNTAX:
                        {
                            String text = new String(json, StandardCharsets.UTF_8);
                            int at = random.nextInt(Math.max(1, text.length()));
                            String[] breaks = {"{", "\"", ",,", ":", "}"};
                            return (text.substring(0, at)
                                            + breaks[random.nextInt(breaks.length)]
                                            + text.substring(at))
                                    .getBytes(StandardCharsets.UTF_8);
                        }
                    case INVALID_UTF8:
                    default:
                        {
                            return insert(
                                    json,
                                    Math.max(0, json.length / 2),
                                    new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
                        }
                }
            } catch (java.io.IOException | ClassCastException | IllegalArgumentException e) {
                return randomBytes(random, 1 + random.nextInt(64));
            }
        }
    }

    private Mutations() {}

    static List<String> fieldNames(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no fields");
        }
        return names;
    }

    public static byte[] flipBits(byte[] input, Random random, int flips) {
        if (input.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        byte[] out = input.clone();
        for (int i = 0; i < flips; i++) {
            int at = random.nextInt(out.length);
            out[at] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
    }

    public static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    static byte[] insert(byte[] input, int at, byte[] inserted) {
        byte[] out = new byte[input.length + inserted.length];
        System.arraycopy(input, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(input, at, out, at + inserted.length, input.length - at);
        return out;
    }

    static byte[] deleteSlice(byte[] input, Random random) {
        if (input.length < 2) {
            return new byte[0];
        }
        int from = random.nextInt(input.length - 1);
        int to = from + 1 + random.nextInt(Math.min(16, input.length - from - 1) + 1);
        to = Math.min(to, input.length);
        byte[] out = new byte[input.length - (to - from)];
        System.arraycopy(input, 0, out, 0, from);
        System.arraycopy(input, to, out, from, input.length - to);
        return out;
    }

    static byte[] repeatSlice(byte[] input, Random random) {
        if (input.length == 0) {
            return new byte[] {0};
        }
        int from = random.nextInt(input.length);
        int to = Math.min(input.length, from + 1 + random.nextInt(32));
        return insert(input, to, Arrays.copyOfRange(input, from, to));
    }
}
