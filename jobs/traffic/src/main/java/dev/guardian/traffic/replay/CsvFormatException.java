package dev.guardian.traffic.replay;

/**
 * A line of a replayed file that is not {@code timestamp,value}; the message names file and line.
 */
public class CsvFormatException extends Exception {

    private final String file;
    private final long line;

    public CsvFormatException(String file, long line, String reason) {
        super(file + " line " + line + ": " + reason);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }
}
