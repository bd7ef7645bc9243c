package com.pult.mdm.host.users;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A batch had bad rows, so nothing of it was written. Lists every bad row, not only the first, so the admin can
 * fix the input in one go.
 */
public final class RejectedRowsException extends Exception {

    private final transient List<RowProblem> problems;

    public RejectedRowsException(List<RowProblem> problems) {
        super(problems.size() + " problem(s), nothing was saved: "
                + problems.stream().map(RowProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in line order. */
    public List<RowProblem> problems() {
        return problems;
    }
}
