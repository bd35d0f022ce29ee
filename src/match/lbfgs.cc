#include "match/lbfgs.h"

#include <algorithm>
#include <cmath>
#include <deque>

namespace rehearse {
namespace {

double Dot(const std::vector<double>& a, const std::vector<double>& b) {
  double s = 0;
  for (size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
  return s;
}

double MaxAbs(const std::vector<double>& a) {
  double m = 0;
  for (double v : a) m = std::max(m, std::fabs(v));
  return m;
}

}  // namespace

LbfgsResult MinimizeLbfgs(const Objective& f, std::vector<double>& x, const LbfgsOptions& options) {
  const size_t n = x.size();
  std::vector<double> g(n), d(n), x_new(n), g_new(n);
  struct Pair {
    std::vector<double> s, y;
    double rho;
  };
  std::deque<Pair> history;
  LbfgsResult result;
  double fx = f(x, g);
  for (int iter = 0; iter < options.max_iterations; ++iter) {
    result.iterations = iter;
    if (MaxAbs(g) < options.gradient_tolerance * std::max(1.0, std::fabs(fx))) {
      result.converged = true;
      break;
    }
    // Two-loop recursion: d = -H g.
    d = g;
    std::vector<double> alpha(history.size());
    for (size_t i = history.size(); i-- > 0;) {
      alpha[i] = history[i].rho * Dot(history[i].s, d);
      for (size_t j = 0; j < n; ++j) d[j] -= alpha[i] * history[i].y[j];
    }
    double gamma = history.empty() ? 1.0 / std::max(1.0, std::sqrt(Dot(g, g)))
                                   : Dot(history.back().s, history.back().y) / Dot(history.back().y, history.back().y);
    for (double& v : d) v *= gamma;
    for (size_t i = 0; i < history.size(); ++i) {
      double beta = history[i].rho * Dot(history[i].y, d);
      for (size_t j = 0; j < n; ++j) d[j] += history[i].s[j] * (alpha[i] - beta);
    }
    for (double& v : d) v = -v;
    double slope = Dot(g, d);
    if (slope >= 0) {  // Not a descent direction (numerical trouble): restart from steepest descent.
      history.clear();
      for (size_t j = 0; j < n; ++j) d[j] = -g[j];
      slope = Dot(g, d);
    }
    // Backtracking line search (Armijo, c1 = 1e-4).
    double step = 1.0, f_new = 0;
    bool accepted = false;
    for (int tries = 0; tries < 40; ++tries) {
      for (size_t j = 0; j < n; ++j) x_new[j] = x[j] + step * d[j];
      f_new = f(x_new, g_new);
      if (std::isfinite(f_new) && f_new <= fx + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) break;
    Pair p{std::vector<double>(n), std::vector<double>(n), 0};
    for (size_t j = 0; j < n; ++j) {
      p.s[j] = x_new[j] - x[j];
      p.y[j] = g_new[j] - g[j];
    }
    double sy = Dot(p.s, p.y);
    double decrease = fx - f_new;
    x.swap(x_new);
    g.swap(g_new);
    fx = f_new;
    if (sy > 1e-12) {
      p.rho = 1.0 / sy;
      history.push_back(std::move(p));
      if (static_cast<int>(history.size()) > options.memory) history.pop_front();
    }
    if (decrease <= options.relative_decrease * std::max(1.0, std::fabs(fx))) {
      result.converged = true;
      result.iterations = iter + 1;
      break;
    }
  }
  result.value = fx;
  return result;
}

}  // namespace rehearse
