// Compares rendering N path diagrams in process (Graphviz C API, one reused context) with running the `dot`
// program once per diagram — the only place RoundTrip ever spawns `dot`. Reports wall time and the ratio.
import Foundation
import RoundTripCore
import RoundTripGraphviz
import RoundTripImport
import RoundTripReport

let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 500 : 500
let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
let samples = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("samples").path)
    .filter { $0.hasSuffix(".yaml") }.sorted()
var dots: [String] = []
for name in samples {
    let path = "samples/\(name)"
    let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    let topology = try Topology.compile(try DesignReader.parse(text, file: path))
    for result in Checker.check(topology).results {
        dots.append(PathDiagram.dot(result.trace, flow: result.flow, in: topology))
    }
}
print("\(dots.count) distinct path diagrams from \(samples.count) samples; rendering \(count) to SVG each way")

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

_ = try Graphviz.render(dot: dots[0])  // context and plugins, once per process
var bytes = 0
let inProcess = try seconds {
    for i in 0..<count { bytes += try Graphviz.render(dot: dots[i % dots.count]).count }
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("render-bench-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
for (i, dot) in dots.enumerated() { try dot.write(to: folder.appendingPathComponent("\(i).dot"), atomically: true, encoding: .utf8) }
let dotProgram = ["/usr/bin/dot", "/usr/local/bin/dot"].first { FileManager.default.isExecutableFile(atPath: $0) }
guard let dotProgram else {
    print(
        String(
            format: "in process: %.3f s (%.2f ms per diagram); no dot program found to compare", inProcess, inProcess * 1000 / Double(count)
        ))
    exit(0)
}
let spawned = try seconds {
    for i in 0..<count {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dotProgram)
        process.arguments = ["-Tsvg", folder.appendingPathComponent("\(i % dots.count).dot").path, "-o", "/dev/null"]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { fatalError("dot failed on diagram \(i % dots.count)") }
    }
}
print(String(format: "in process: %.3f s (%.2f ms per diagram, %d bytes of SVG)", inProcess, inProcess * 1000 / Double(count), bytes))
print(String(format: "dot per diagram: %.3f s (%.2f ms per diagram)", spawned, spawned * 1000 / Double(count)))
print(String(format: "in process is %.1f× faster", spawned / inProcess))
