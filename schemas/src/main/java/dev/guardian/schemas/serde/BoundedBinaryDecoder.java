package dev.guardian.schemas.serde;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * Avro binary decoder over one in-memory message that checks every length prefix and block count
 * against the bytes actually left before allocating anything.
 *
 * <p>Avro's own {@code BinaryDecoder} allocates a buffer of the announced length first, so a
 * corrupt length prefix in a 20-byte message can ask for 2 GB. Here a corrupt prefix is an {@link
 * IOException} naming what was expected. Each array or map item is assumed to take at least one
 * byte, which holds for every Guardian schema (no arrays of null).
 */
final class BoundedBinaryDecoder extends Decoder {
    private final byte[] buf;
    private final int limit;
    private int pos;

    BoundedBinaryDecoder(byte[] buf, int offset, int length) {
        this.buf = buf;
        this.pos = offset;
        this.limit = offset + length;
    }

    int remaining() {
        return limit - pos;
    }

    @Override
    public void readNull() {}

    @Override
    public boolean readBoolean() throws IOException {
        require(1, "boolean");
        byte b = buf[pos++];
        if (b != 0 && b != 1) {
            throw new IOException("invalid boolean byte " + b + " at offset " + (pos - 1));
        }
        return b == 1;
    }

    @Override
    public int readInt() throws IOException {
        long value = readLong();
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IOException("int out of range: " + value);
        }
        return (int) value;
    }

    @Override
    public long readLong() throws IOException {
        long raw = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            require(1, "varint");
            byte b = buf[pos++];
            raw |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw new IOException("invalid varint longer than 10 bytes at offset " + pos);
    }

    @Override
    public float readFloat() throws IOException {
        return Float.intBitsToFloat((int) readLittleEndian(4, "float"));
    }

    @Override
    public double readDouble() throws IOException {
        return Double.longBitsToDouble(readLittleEndian(8, "double"));
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        int length = readLength("string");
        Utf8 result = old != null ? old : new Utf8();
        result.setByteLength(length);
        System.arraycopy(buf, pos, result.getBytes(), 0, length);
        pos += length;
        return result;
    }

    @Override
    public String readString() throws IOException {
        int length = readLength("string");
        String result = new String(buf, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return result;
    }

    @Override
    public void skipString() throws IOException {
        int length = readLength("string"); // before "pos +=", which would read pos first
        pos += length;
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        int length = readLength("bytes");
        ByteBuffer result =
                old != null && old.capacity() >= length && old.hasArray()
                        ? old.clear()
                        : ByteBuffer.allocate(length);
        result.put(buf, pos, length).flip();
        pos += length;
        return result;
    }

    @Override
    public void skipBytes() throws IOException {
        int length = readLength("bytes"); // before "pos +=", which would read pos first
        pos += length;
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        require(length, "fixed");
        System.arraycopy(buf, pos, bytes, start, length);
        pos += length;
    }

    @Override
    public void skipFixed(int length) throws IOException {
        require(length, "fixed");
        pos += length;
    }

    @Override
    public int readEnum() throws IOException {
        return readInt();
    }

    @Override
    public long readArrayStart() throws IOException {
        return readBlockCount("array");
    }

    @Override
    public long arrayNext() throws IOException {
        return readBlockCount("array");
    }

    @Override
    public long skipArray() throws IOException {
        return skipBlocks("array");
    }

    @Override
    public long readMapStart() throws IOException {
        return readBlockCount("map");
    }

    @Override
    public long mapNext() throws IOException {
        return readBlockCount("map");
    }

    @Override
    public long skipMap() throws IOException {
        return skipBlocks("map");
    }

    @Override
    public int readIndex() throws IOException {
        return readInt();
    }

    private long readBlockCount(String what) throws IOException {
        long count = readLong();
        if (count < 0) {
            count = -count; // a negative count is followed by the block size in bytes
            readLong();
        }
        if (count < 0 || count > remaining()) {
            throw new IOException(
                    what + " block of " + count + " items cannot fit in " + remaining() + " bytes");
        }
        return count;
    }

    /**
     * Skips blocks that carry their byte size; returns the item count of the first that does not.
     */
    private long skipBlocks(String what) throws IOException {
        while (true) {
            long count = readLong();
            if (count >= 0) {
                if (count > remaining()) {
                    throw new IOException(
                            what
                                    + " block of "
                                    + count
                                    + " items cannot fit in "
                                    + remaining()
                                    + " bytes");
                }
                return count;
            }
            long size = readLong();
            if (size < 0 || size > remaining()) {
                throw new IOException(what + " block size " + size + " is invalid");
            }
            pos += (int) size;
        }
    }

    private int readLength(String what) throws IOException {
        long length = readLong();
        if (length < 0) {
            throw new IOException("negative " + what + " length " + length);
        }
        if (length > remaining()) {
            throw new EOFException(
                    what + " length " + length + " exceeds the " + remaining() + " bytes left");
        }
        return (int) length;
    }

    private long readLittleEndian(int bytes, String what) throws IOException {
        require(bytes, what);
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value |= (buf[pos++] & 0xffL) << (8 * i);
        }
        return value;
    }

    private void require(int bytes, String what) throws EOFException {
        if (remaining() < bytes) {
            throw new EOFException("truncated: " + what + " needs " + bytes + " bytes");
        }
    }
}
