package dev.guardian.anomaly.detectors;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** The last {@code capacity} values of a series, newest overwriting oldest. */
public final class RingBuffer {

    private final double[] values;
    private int size;
    private int head;

    public RingBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        values = new double[capacity];
    }

    public void add(double value) {
        values[head] = value;
        head = head + 1 == values.length ? 0 : head + 1;
        if (size < values.length) {
            size++;
        }
    }

    /** The value {@code ago} steps back; 0 is the newest. */
    public double get(int ago) {
        int index = head - 1 - ago;
        return values[index < 0 ? index + values.length : index];
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return values.length;
    }

    public boolean isFull() {
        return size == values.length;
    }

    public void clear() {
        size = 0;
        head = 0;
    }

    /** Copies the held values, in no particular order, to {@code target}; returns how many. */
    public int copyTo(double[] target) {
        if (size == values.length) {
            System.arraycopy(values, 0, target, 0, size);
        } else {
            for (int i = 0; i < size; i++) {
                target[i] = get(i);
            }
        }
        return size;
    }

    /** Mean of the newest {@code count} values (fewer if fewer are held). */
    public double meanOfNewest(int count) {
        int n = Math.min(count, size);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += get(i);
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Writes the values oldest first, so a buffer of another capacity can read them back. */
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(size);
        for (int i = size - 1; i >= 0; i--) {
            out.writeDouble(get(i));
        }
    }

    /** Reads what {@link #writeTo} wrote, keeping the newest values that fit. */
    public void readFrom(DataInput in) throws IOException {
        clear();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            add(in.readDouble());
        }
    }
}
