#pragma once
// Limited-memory BFGS: minimizes a smooth function of many variables from its value
// and gradient. Nocedal & Wright, "Numerical Optimization" (2nd ed., 2006),
// Algorithm 7.4 (the two-loop recursion) with a backtracking line search on the
// Armijo condition (Algorithm 3.1). On a strictly convex function (the values
// model's regularised loss) it reaches the one minimum whatever the start, and the
// same inputs give bit-identical results: training at build time is deterministic.

#include <functional>
#include <vector>

namespace rehearse {

// f(x) and its gradient at x: returns f, writes the gradient into `grad` (already
// sized like x).
using Objective = std::function<double(const std::vector<double>& x, std::vector<double>& grad)>;

struct LbfgsOptions {
  int max_iterations = 400;
  int memory = 10;                 // Correction pairs kept (m).
  double gradient_tolerance = 1e-5;  // Stop when max |g_i| < tol * max(1, |f|).
  double relative_decrease = 1e-10;  // ... or f improves by less than this, relatively.
};

struct LbfgsResult {
  double value = 0;
  int iterations = 0;
  bool converged = false;
};

// Minimizes `f` starting from `x`, which holds the minimizer on return.
LbfgsResult MinimizeLbfgs(const Objective& f, std::vector<double>& x, const LbfgsOptions& options = {});

}  // namespace rehearse
