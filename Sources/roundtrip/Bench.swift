import ArgumentParser
import Foundation
import RoundTripCore
import RoundTripGraphviz
import RoundTripImport
import RoundTripReport

/// `roundtrip bench`: the performance table of docs/performance.md, measured on generated hub-and-spoke estates.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure reading, compiling, tracing and verifying generated estates (docs/performance.md).",
        discussion: """
            Every phase runs --runs times per size; the table shows the median. Traces/s is single-threaded \
            (one core); the exhaustive check uses every core. Nothing is asserted: this prints figures, it never fails on them.

            Example:
              roundtrip bench --spokes 100,1000,5000,10000 --runs 5
            """)

    @Option(help: "Estate sizes in spokes, comma-separated.")
    var spokes: String = "100,1000,5000,10000"

    @Option(help: "Seed of the generated estates.")
    var seed: UInt64 = 1

    @Option(help: "Runs per phase; the median is printed.")
    var runs: Int = 5

    @Flag(help: "Also lay out and render the topology to SVG (Graphviz nop2, in process).")
    var render = false

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        guard !sizes.isEmpty, sizes.allSatisfy({ (1...SyntheticEstate.maximumSpokes).contains($0) }) else {
            throw ValidationError("--spokes: sizes from 1 to \(SyntheticEstate.maximumSpokes), comma-separated")
        }
    }

    var sizes: [Int] { spokes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

    func run() throws {
        print(BenchMachine.describe())
        print("")
        var header = "| spokes | subnets | YAML | read | compile | effective routes | traces/s (1 core) | exhaustive | classes "
        header += "| egress | JSON report | topology DOT |"
        if render { header += " topology SVG |" }
        print(header)
        print(String(repeating: "| ---: ", count: render ? 13 : 12) + "|")
        for size in sizes {
            try measure(size)
        }
        print("")
        print("peak resident memory of this process: \(BenchMachine.peakResidentMiB()) MiB")
    }

    /// Measures one estate size and prints its row.
    func measure(_ size: Int) throws {
        let text = SyntheticEstate.hubSpoke(spokes: size, seed: seed)
        let megabytes = Double(text.utf8.count) / 1_000_000
        let file = "hub-spoke-\(size).yaml"
        var design: Design?
        let read = try median { design = try DesignReader.parse(text, file: file) }
        guard let design else { return }
        var compiled: Topology?
        let compile = try median { compiled = try Topology.compile(design) }
        guard let topology = compiled else { return }
        let routes = median { _ = topology.subnets.indices.map { EffectiveRoutes.compute(for: $0, in: topology) } }
        let traces = tracesPerSecond(topology)
        var report: CheckReport?
        let exhaustive = median { report = Checker.check(topology, exhaustive: true) }
        let egress = median { _ = topology.egressSummaries() }
        guard let report else { return }
        let json = try median { _ = try JSONReport.check(report, failOn: [.asymmetric]) }
        var dot = ""
        let diagram = median { dot = TopologyDiagram.dot(report, pageLinks: true) }
        var row = "| \(size.formatted()) | \(topology.subnets.count.formatted()) | \(String(format: "%.1f MB", megabytes)) "
        row += "| \(seconds(read)) (\(String(format: "%.1f", megabytes / read)) MB/s) | \(seconds(compile)) | \(seconds(routes)) "
        row += "| \(Int(traces).formatted()) | \(seconds(exhaustive)) | \((report.exhaustive?.classCount ?? 0).formatted()) "
        row += "| \(seconds(egress)) | \(seconds(json)) | \(seconds(diagram)) |"
        if render {
            let svg = median { _ = try? Graphviz.render(dot: dot, layout: TopologyDiagram.layoutEngine) }
            row += " \(seconds(svg)) |"
        }
        print(row)
    }

    /// Single-threaded round trips per second over the design's flows, for 0.3 s. A backend no pool has makes each
    /// trace one round trip (the hash-picked member) instead of one per pool member.
    func tracesPerSecond(_ topology: Topology) -> Double {
        let tracer = Tracer(topology)
        let flows = topology.flows
        guard !flows.isEmpty else { return 0 }
        let clock = ContinuousClock()
        let start = clock.now
        var count = 0
        var elapsed = 0.0
        while elapsed < 0.3 {
            for flow in flows { _ = tracer.trace(flow, backend: IPv4Address(0)) }
            count += flows.count
            elapsed = seconds(of: clock.now - start)
        }
        return Double(count) / elapsed
    }

    /// The median wall time of `runs` runs of `body`, in seconds.
    func median(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        var times: [Double] = []
        for _ in 0..<runs {
            let start = clock.now
            try body()
            times.append(seconds(of: clock.now - start))
        }
        times.sort()
        return times[times.count / 2]
    }

    func seconds(of duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    func seconds(_ value: Double) -> String {
        value < 0.01 ? String(format: "%.1f ms", value * 1000) : String(format: "%.2f s", value)
    }
}

/// The machine a benchmark ran on.
enum BenchMachine {
    /// Cores, processor model, memory and system, on one line.
    static func describe() -> String {
        let info = ProcessInfo.processInfo
        let cpu =
            (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown processor"
        let memory = Double(info.physicalMemory) / 1_073_741_824
        return "machine: \(info.activeProcessorCount) cores (\(cpu)), \(String(format: "%.1f", memory)) GiB, "
            + "\(info.operatingSystemVersionString)"
    }

    /// This process's peak resident set, in MiB (Linux: VmHWM).
    static func peakResidentMiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
    }
}
