package com.pult.mdm.host.users;

/**
 * Why one line of an import or a pasted list was rejected.
 *
 * @param line the 1-based line of the input the row starts on (for JSON, the line of its opening brace)
 * @param reason a sentence a person can act on
 */
public record RowProblem(int line, String reason) {

    @Override
    public String toString() {
        return "line " + line + ": " + reason;
    }
}
