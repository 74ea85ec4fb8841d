import Dispatch
import Foundation

/// Sub-step timings on standard error when `PAPERDIGEST_TRACE` is set: where a build's
/// time goes, without a profiler.
enum Trace {
    static let enabled = ProcessInfo.processInfo.environment["PAPERDIGEST_TRACE"] != nil
    nonisolated(unsafe) private static var last = DispatchTime.now()
    nonisolated(unsafe) private static var lastCPU = cpuSeconds()
    private static let lock = NSLock()

    /// Prints the time since the previous mark (on any thread) under `label`; a build marks
    /// its start first, which prints 0.
    static func mark(_ label: @autoclosure () -> String) {
        guard enabled else { return }
        lock.withLock {
            let previous = last  // set on first use: before `now`
            let now = DispatchTime.now()
            let seconds = Double(now.uptimeNanoseconds - previous.uptimeNanoseconds) / 1e9
            let cpu = cpuSeconds()
            // CPU over wall shows how many cores a step kept busy.
            let line =
                "  trace \(String(format: "%.3f", seconds)) s  cpu \(String(format: "%.3f", cpu - lastCPU)) s"
                + "  peak \(peakMiB()) MiB  \(label())\n"
            FileHandle.standardError.write(Data(line.utf8))
            last = now
            lastCPU = cpu
        }
    }

    /// User and system time of the whole process so far.
    private static func cpuSeconds() -> Double {
        let usage = self.usage()
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The most memory resident so far, which grows at the step that makes the peak.
    private static func peakMiB() -> Int {
        usage().ru_maxrss >> 10
    }

    private static func usage() -> rusage {
        var usage = rusage()
        getrusage(__rusage_who_t(0), &usage)  // RUSAGE_SELF
        return usage
    }

    nonisolated(unsafe) private static var totals: [String: (Double, Int)] = [:]

    /// `work`'s result; with tracing on, its time is added to the total kept under `label`
    /// (printed by `printTotals()`).
    static func timed<Value>(_ label: @autoclosure () -> String, _ work: () -> Value) -> Value {
        guard enabled else { return work() }
        let start = DispatchTime.now()
        let value = work()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let name = label()
        lock.withLock {
            totals[name, default: (0, 0)].0 += seconds
            totals[name, default: (0, 0)].1 += 1
        }
        return value
    }

    static func printTotals() {
        guard enabled else { return }
        lock.withLock {
            for (label, total) in totals.sorted(by: { $0.value.0 > $1.value.0 }) {
                FileHandle.standardError.write(
                    Data("  total \(String(format: "%.3f", total.0)) s  \(total.1)× \(label)\n".utf8))
            }
        }
    }
}
