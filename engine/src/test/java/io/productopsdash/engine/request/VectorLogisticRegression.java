package io.productopsdash.engine.request;

import java.util.Objects;

/**
 * Binary L2-regularised logistic regression over dense vectors, fitted exactly by Newton's method.
 *
 * <p>Minimises {@code ½‖w‖² + C Σ [log(1 + e^z) − y z]} with {@code z = w·x + b} (the bias is not
 * penalised), the objective of scikit-learn's {@code LogisticRegression(C=C)}. The objective is
 * strictly convex, so Newton steps (a Cholesky solve of the {@code (d+1)²} Hessian) reach the
 * unique optimum in a few iterations. No random numbers and a fixed order of sums: the same data
 * give the same weights bit for bit.
 */
final class VectorLogisticRegression {
  static final int MAX_ITERATIONS = 100;

  /** Stop when no Newton step component exceeds this. */
  static final double TOLERANCE = 1e-10;

  private final double[] weights;
  private final double bias;
  private final int iterations;

  private VectorLogisticRegression(double[] weights, double bias, int iterations) {
    this.weights = weights;
    this.bias = bias;
    this.iterations = iterations;
  }

  /**
   * Fits the model.
   *
   * @param x one row per example, all of the same length
   * @param y the class of each row
   * @param c inverse regularisation strength, positive
   * @throws IllegalArgumentException when the rows are empty or ragged, sizes differ, a value is
   *     not finite, both classes are not present, or {@code c} is not positive
   */
  static VectorLogisticRegression fit(float[][] x, boolean[] y, double c) {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    if (!(c > 0 && Double.isFinite(c))) {
      throw new IllegalArgumentException("Invalid C: " + c);
    }
    int n = x.length;
    if (n == 0 || n != y.length) {
      throw new IllegalArgumentException("Invalid sizes: " + n + " rows, " + y.length + " labels");
    }
    int d = x[0].length;
    boolean positive = false;
    boolean negative = false;
    for (int i = 0; i < n; i++) {
      if (x[i].length != d) {
        throw new IllegalArgumentException("Row " + i + " has " + x[i].length + " values, not " + d);
      }
      for (float v : x[i]) {
        if (!Float.isFinite(v)) {
          throw new IllegalArgumentException("Row " + i + " has a value that is not finite");
        }
      }
      positive |= y[i];
      negative |= !y[i];
    }
    if (!positive || !negative) {
      throw new IllegalArgumentException("Both classes are needed to fit a logistic regression");
    }
    int m = d + 1; // weights, then the bias
    double[] theta = new double[m];
    int iteration = 0;
    while (iteration < MAX_ITERATIONS) {
      iteration++;
      double[] gradient = new double[m];
      double[][] hessian = new double[m][m];
      for (int j = 0; j < d; j++) {
        gradient[j] = theta[j];
        hessian[j][j] = 1.0;
      }
      double[] row = new double[m];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < d; j++) {
          row[j] = x[i][j];
        }
        row[d] = 1.0;
        double z = 0;
        for (int j = 0; j < m; j++) {
          z += theta[j] * row[j];
        }
        double p = sigmoid(z);
        double residual = c * (p - (y[i] ? 1.0 : 0.0));
        double curvature = c * p * (1.0 - p);
        for (int j = 0; j < m; j++) {
          gradient[j] += residual * row[j];
          double cj = curvature * row[j];
          double[] hj = hessian[j];
          for (int k = 0; k <= j; k++) {
            hj[k] += cj * row[k];
          }
        }
      }
      double[] step = solveLowerSymmetric(hessian, gradient);
      // Backtracking: a full Newton step can overshoot far from the optimum; halve it until the
      // objective does not increase (a descent direction always allows that).
      double before = objective(x, y, c, theta);
      double scale = 1.0;
      double[] next = new double[m];
      for (int halvings = 0; ; halvings++) {
        for (int j = 0; j < m; j++) {
          next[j] = theta[j] - scale * step[j];
        }
        if (halvings == 40 || objective(x, y, c, next) <= before) {
          break;
        }
        scale /= 2;
      }
      double largest = 0;
      for (int j = 0; j < m; j++) {
        largest = Math.max(largest, Math.abs(next[j] - theta[j]));
      }
      theta = next;
      if (largest < TOLERANCE) {
        break;
      }
    }
    double[] weights = new double[d];
    System.arraycopy(theta, 0, weights, 0, d);
    return new VectorLogisticRegression(weights, theta[d], iteration);
  }

  /** {@code ½‖w‖² + C Σ log-loss} at {@code theta} (weights, then the bias). */
  static double objective(float[][] x, boolean[] y, double c, double[] theta) {
    int d = theta.length - 1;
    double penalty = 0;
    for (int j = 0; j < d; j++) {
      penalty += theta[j] * theta[j];
    }
    double loss = 0;
    for (int i = 0; i < x.length; i++) {
      double z = theta[d];
      for (int j = 0; j < d; j++) {
        z += theta[j] * x[i][j];
      }
      // log(1 + e^z) − y z, stable for large |z|.
      double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
      loss += softplus - (y[i] ? z : 0.0);
    }
    return 0.5 * penalty + c * loss;
  }

  /** The probability of the positive class for {@code v}, which must have the fitted length. */
  double probability(float[] v) {
    Objects.requireNonNull(v, "v");
    if (v.length != weights.length) {
      throw new IllegalArgumentException(
          "Invalid vector length: " + v.length + ", expected " + weights.length);
    }
    double z = bias;
    for (int j = 0; j < v.length; j++) {
      z += weights[j] * v[j];
    }
    return sigmoid(z);
  }

  double[] weights() {
    return weights.clone();
  }

  double bias() {
    return bias;
  }

  /** Newton iterations used by the fit. */
  int iterations() {
    return iterations;
  }

  static double sigmoid(double z) {
    // Written so that neither branch overflows for large |z|.
    if (z >= 0) {
      return 1.0 / (1.0 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1.0 + e);
  }

  /**
   * Solves {@code A s = b} for a symmetric positive definite {@code A} of which only the lower
   * triangle ({@code a[j][k]}, {@code k ≤ j}) is filled, by Cholesky decomposition in place.
   */
  static double[] solveLowerSymmetric(double[][] a, double[] b) {
    int m = b.length;
    for (int j = 0; j < m; j++) {
      double[] aj = a[j];
      double s = aj[j];
      for (int k = 0; k < j; k++) {
        s -= aj[k] * aj[k];
      }
      if (!(s > 0)) {
        throw new IllegalStateException("Hessian is not positive definite at column " + j);
      }
      double diagonal = Math.sqrt(s);
      aj[j] = diagonal;
      for (int i = j + 1; i < m; i++) {
        double[] ai = a[i];
        double t = ai[j];
        for (int k = 0; k < j; k++) {
          t -= ai[k] * aj[k];
        }
        ai[j] = t / diagonal;
      }
    }
    double[] z = new double[m];
    for (int i = 0; i < m; i++) {
      double t = b[i];
      for (int k = 0; k < i; k++) {
        t -= a[i][k] * z[k];
      }
      z[i] = t / a[i][i];
    }
    double[] s = new double[m];
    for (int i = m - 1; i >= 0; i--) {
      double t = z[i];
      for (int k = i + 1; k < m; k++) {
        t -= a[k][i] * s[k];
      }
      s[i] = t / a[i][i];
    }
    return s;
  }
}
