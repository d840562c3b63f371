package io.socialsync.media.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the clips: greedy by score with no overlap and a penalty for sitting close to an already chosen clip, so
 * proposals spread over the video instead of being five slices of the one loud minute. Deterministic: ties
 * break on the earlier start, then the shorter clip.
 */
final class ClipSelector {
    /** Score points lost next to a chosen clip, fading with the gap. */
    private static final double SPACING_PENALTY = 10;
    /** Past {@code minCount}, a clip must score at least this and be within {@link #EXTRA_MARGIN} of the best. */
    private static final double EXTRA_MIN_SCORE = 45, EXTRA_MARGIN = 20;
    private static final double SHORTEST_USABLE = 1;

    private ClipSelector() {}

    record Selection(List<ClipCandidate> clips, Optional<String> noClipsReason) {}

    static Selection select(Signals signals, ClipRules rules) {
        SecondScores scores = SecondScores.of(signals);
        WindowScorer scorer = new WindowScorer(scores);
        double d = signals.duration();
        if (d < rules.minSeconds()) return wholeVideo(signals, rules, scorer);
        Snapper snapper = new Snapper(signals.cuts(), scores, d);
        List<Window> windows = WindowGenerator.windows(signals, rules, scorer, snapper);
        if (windows.isEmpty()) {
            return none("no %s–%s s stretch has usable picture (mostly black, or frozen and silent)"
                    .formatted(fmt(rules.minSeconds()), fmt(rules.maxSeconds())));
        }
        List<Window> chosen = greedy(windows, rules, d);
        chosen.sort(Comparator.comparingDouble(Window::score).reversed().thenComparingDouble(Window::start));
        return new Selection(chosen.stream().map(w -> candidate(w, signals)).toList(), Optional.empty());
    }

    /** One given window, its edges labelled by what they fall on ({@link Snapper#kindAt}) instead of moved. */
    static ClipCandidate score(Signals signals, double start, double end) {
        SecondScores scores = SecondScores.of(signals);
        Snapper snapper = new Snapper(signals.cuts(), scores, signals.duration());
        Boundary first = snapper.kindAt(start), last = snapper.kindAt(end);
        SubScores sub = new WindowScorer(scores).subScores(start, end, first, last);
        return candidate(new Window(start, end, WindowScorer.total(sub), sub, first, last), signals);
    }

    private static List<Window> greedy(List<Window> windows, ClipRules rules, double duration) {
        double spread = Math.max(10, duration / (2.0 * rules.maxCount()));
        // as many as the rules ask for, if that many minimum-length clips fit at all
        int required = (int) Math.min(rules.minCount(), Math.floor(duration / rules.minSeconds() + 1e-9));
        List<Window> chosen = new ArrayList<>();
        while (chosen.size() < rules.maxCount()) {
            Window best = null;
            double bestEffective = Double.NEGATIVE_INFINITY;
            for (Window w : windows) {
                double effective = effective(w, chosen, spread);
                if (effective > Double.NEGATIVE_INFINITY && chosen.size() + 1 < required
                        && Room.left(chosen, w, duration, rules.minSeconds()) < required - chosen.size() - 1) {
                    continue; // a long clip here would leave no room for the minimum count
                }
                if (effective > bestEffective || (effective == bestEffective && best != null && earlier(w, best))) {
                    best = w;
                    bestEffective = effective;
                }
            }
            if (best == null || bestEffective == Double.NEGATIVE_INFINITY) break;
            if (chosen.size() >= rules.minCount()
                    && best.score() < Math.max(EXTRA_MIN_SCORE, chosen.getFirst().score() - EXTRA_MARGIN)) break;
            chosen.add(best);
        }
        return chosen;
    }

    private static double effective(Window w, List<Window> chosen, double spread) {
        double penalty = 0;
        for (Window c : chosen) {
            if (c.interval().overlaps(w.interval())) return Double.NEGATIVE_INFINITY;
            penalty += SPACING_PENALTY * Math.exp(-c.interval().gap(w.interval()) / spread);
        }
        return w.score() - penalty;
    }

    private static boolean earlier(Window a, Window b) {
        return a.start() < b.start() || (a.start() == b.start() && a.length() < b.length());
    }

    /** A video shorter than the platform minimum becomes one clip of itself if its picture is usable. */
    private static Selection wholeVideo(Signals signals, ClipRules rules, WindowScorer scorer) {
        double d = signals.duration();
        String shorter = "the video is %s s long, shorter than the %s s minimum".formatted(fmt(d),
                fmt(rules.minSeconds()));
        if (d < SHORTEST_USABLE) return none(shorter + ", and too short to use");
        if (scorer.quality(0, d) < WindowScorer.MIN_QUALITY) {
            return none(shorter + ", and mostly black, or frozen and silent");
        }
        SubScores sub = scorer.subScores(0, d, Boundary.CUT, Boundary.CUT);
        Window w = new Window(0, d, WindowScorer.total(sub), sub, Boundary.CUT, Boundary.CUT);
        ClipCandidate c = candidate(w, signals);
        String reason = "Whole video (shorter than the %s s minimum): ".formatted(fmt(rules.minSeconds()))
                + Character.toLowerCase(c.reason().charAt(0)) + c.reason().substring(1);
        return new Selection(List.of(new ClipCandidate(c.start(), c.end(), c.score(), c.subScores(), reason)),
                Optional.empty());
    }

    private static ClipCandidate candidate(Window w, Signals signals) {
        int cutsInside = 0;
        for (double t : signals.cuts()) if (t > w.start() + 0.05 && t < w.end() - 0.05) cutsInside++;
        double onsets = 0;
        int from = (int) Math.floor(w.start()), to = (int) Math.min(signals.seconds(), Math.ceil(w.end()));
        for (int i = from; i < to; i++) onsets += signals.onsets()[i];
        String reason = ReasonWriter.reason(w.subScores(), cutsInside, onsets / Math.max(1, to - from), w.length(),
                signals.hasAudio(), w.first(), w.last(), stillShare(signals, w) >= 0.8);
        SubScores s = w.subScores();
        SubScores rounded = new SubScores(round(s.energy()), round(s.motion()), round(s.hook()), round(s.visual()),
                round(s.continuity()));
        return new ClipCandidate(w.start(), w.end(), round(w.score()), rounded, reason);
    }

    /** How much of the window the picture stands still. */
    private static double stillShare(Signals signals, Window w) {
        double frozen = 0;
        for (Interval iv : signals.frozen()) frozen += iv.overlap(w.start(), w.end());
        return frozen / Math.max(1e-9, w.length());
    }

    private static Selection none(String why) {
        return new Selection(List.of(), Optional.of(Character.toUpperCase(why.charAt(0)) + why.substring(1)));
    }

    private static double round(double score) {
        return Math.round(Math.clamp(score, 0, 100) * 10) / 10.0;
    }

    private static String fmt(double seconds) {
        if (seconds == Math.rint(seconds)) return String.valueOf((long) seconds);
        return String.format(Locale.ROOT, "%.1f", seconds);
    }
}
