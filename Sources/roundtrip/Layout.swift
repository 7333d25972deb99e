import ArgumentParser
import Foundation
import RoundTripGraphviz

/// `roundtrip __layout` (hidden): reads DOT on standard input and writes the rendering to standard output, through
/// the Graphviz C API in this process. `report` runs it as a child process for large diagrams, so a fault inside
/// Graphviz ends the child, not the report.
struct LayoutChild: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "__layout", shouldDisplay: false)

    @Option(help: "Graphviz layout engine.")
    var engine = "dot"

    @Option(help: "Output format.")
    var format = "svg"

    /// Set to make the child abort as a Graphviz fault would, so tests can prove the containment.
    static let faultVariable = "ROUNDTRIP_LAYOUT_FAULT"

    func run() throws {
        let input = FileHandle.standardInput.readDataToEndOfFile()
        if ProcessInfo.processInfo.environment[Self.faultVariable] == "abort" { abort() }
        let format = Graphviz.Format(rawValue: format) ?? .svg
        do {
            let data = try Graphviz.render(dot: String(decoding: input, as: UTF8.self), format: format, layout: engine)
            FileHandle.standardOutput.write(Data(data))
        } catch {
            FileHandle.standardError.write(Data("\(error.description)\n".utf8))
            if case .noPlugins = error { throw ExitCode(3) }
            throw ExitCode(2)
        }
    }
}

/// Why one diagram could not be drawn.
struct DiagramFailure: Error, CustomStringConvertible {
    var description: String
}

/// Runs Graphviz on `dot` in a child process (`roundtrip __layout`) and returns the SVG. A crash or error in the
/// child is a ``DiagramFailure`` naming the signal or Graphviz's message; anything the child printed on standard
/// error is kept out of the user's terminal and returned in `warnings`.
func renderContained(_ dot: String, engine: String) throws -> (svg: String, warnings: String) {
    let process = Process()
    process.executableURL = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = ["__layout", "--engine", engine]
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    do {
        try process.run()
    } catch {
        throw DiagramFailure(description: "cannot start the layout process: \(error.localizedDescription)")
    }
    let group = DispatchGroup()
    nonisolated(unsafe) var errorData = Data()
    DispatchQueue.global().async(group: group) {
        input.fileHandleForWriting.write(Data(dot.utf8))
        try? input.fileHandleForWriting.close()
    }
    DispatchQueue.global().async(group: group) { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    let stderr = String(decoding: errorData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    if process.terminationReason == .uncaughtSignal {
        let first = stderr.split(separator: "\n").first.map { " (\($0))" } ?? ""
        throw DiagramFailure(description: "Graphviz crashed with signal \(process.terminationStatus) while laying out the diagram\(first)")
    }
    if process.terminationStatus == 3 { throw InputFailure("error: \(stderr)") }
    guard process.terminationStatus == 0 else {
        throw DiagramFailure(description: stderr.isEmpty ? "Graphviz failed (exit \(process.terminationStatus))" : stderr)
    }
    return (String(decoding: data, as: UTF8.self), stderr)
}
