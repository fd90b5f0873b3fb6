import Foundation

/// A one-line progress display on standard error for long runs: lines, lines per second, and
/// percentage and ETA when the input size is known. Only used when standard error is a
/// terminal; redraws at most four times a second.
final class ProgressBar {
    private let totalBytes: Int?
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    /// Whether a progress bar makes sense: standard error is a terminal.
    static var isAvailable: Bool { isatty(STDERR_FILENO) != 0 }

    init(totalBytes: Int?) {
        self.totalBytes = totalBytes
    }

    /// Redraws if a quarter of a second has passed since the last time.
    func update(lines: Int, bytes: Int) {
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.25 else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(start), 1e-6)
        let rate = Double(lines) / elapsed
        var text = "\(Self.grouped(lines)) lines  \(Self.grouped(Int(rate))) lines/s"
        if let total = totalBytes, total > 0 {
            let fraction = min(1, Double(bytes) / Double(total))
            let width = 24
            let filled = Int(fraction * Double(width))
            text = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
                + String(format: "%3d%%  ", Int(fraction * 100)) + text
            if fraction > 0 {
                let remaining = elapsed * (1 - fraction) / fraction
                text += "  ETA " + Self.duration(remaining)
            }
        }
        write("\r\u{1B}[K" + text)
        drawn = true
    }

    /// Erases the bar so that what follows starts on a clean line.
    func finish() {
        if drawn { write("\r\u{1B}[K") }
    }

    private func write(_ s: String) {
        Output.error.write(s)
    }

    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (k, d) in digits.enumerated() {
            if k > 0 && (digits.count - k) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
