package dev.cloudbench.core.history;

/**
 * A step in a series: the point at {@code index} is the first of the new level.
 *
 * @param index  position of the first point after the step, counting every point of the series
 *               (missing ones included) from 0
 * @param before mean of the points before the step that entered its test (at most the window)
 * @param after  mean of the points from the step on that entered its test
 * @param change {@code after / before - 1}: +0.04 is 4 % higher (for times: slower); infinite when
 *               {@code before} is 0
 * @param pValue two-sided Student's t-test of the two sides
 */
public record ChangePoint(int index, double before, double after, double change, double pValue) {
}
