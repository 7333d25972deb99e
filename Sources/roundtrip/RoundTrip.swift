import ArgumentParser
import Foundation
import RoundTripCore
import RoundTripImport
import RoundTripReport

/// The `roundtrip` command.
@main
struct RoundTrip: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roundtrip",
        abstract: "Find asymmetric routing in Azure network designs before they are deployed.",
        discussion: """
            Traces every flow's forward and return path through routes, peerings, load balancers, Azure Firewall, \
            Application Gateway, NAT Gateway and gateways, and names what breaks.

            Exit codes: 0 every expectation and assertion holds and there is no unexpected, unaccepted finding; \
            1 otherwise; 2 bad input or usage. Shell completion: roundtrip --generate-completion-script bash|zsh|fish.
            """,
        version: "0.1.0",
        subcommands: [
            Check.self, Diff.self, Trace.self, Routes.self, Egress.self, Report.self, Import.self, SecurityCommand.self,
            Generate.self, Doctor.self, Bench.self,
            LayoutChild.self,
        ],
        defaultSubcommand: Check.self
    )

    /// Runs the command with RoundTrip's exit codes: usage errors exit 2, not ArgumentParser's 64.
    static func main() {
        if let message = misspeltCommand(Array(CommandLine.arguments.dropFirst())) {
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot()
            applyDisplayOptions(of: command)
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(code == .validationFailure || code.rawValue == 64 ? 2 : code.rawValue)
        }
    }
}

/// Input and output options shared by commands.
struct DesignOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "The design files, any number and any mix: a RoundTrip design (YAML or JSON), Azure resource JSON (REST responses, az … -o json output, Resource Graph results; a directory stands for every .json file in it), ARM templates, Terraform plans — RoundTrip files are merged on top of the imported resources by name. '-' reads standard input. Without one, the bundled seed-lab design.",
            valueName: "file"),
        completion: .file(extensions: ["yaml", "yml", "json"]))
    var files: [String] = []

    @Option(
        name: .customLong("input-format"),
        help: "Read every input as this form instead of detecting it: roundtrip or azure-json.")
    var inputFormat: InputFormat?

    @Option(
        name: .customLong("service-tags"),
        help: ArgumentHelp(
            "Azure's \"IP Ranges and Service Tags\" JSON (the weekly ServiceTags_Public_*.json download), to resolve service tags beyond the built-in excerpt. Default: $ROUNDTRIP_SERVICE_TAGS.",
            valueName: "file"),
        completion: .file(extensions: ["json"]))
    var serviceTags: String?

    @Flag(
        help:
            "Treat what a partial design lacks as errors: a VirtualAppliance next hop that nothing in the design owns (by default a finding, and no-route for the flows that use it), and in an import every skipped resource or property and every unknown value."
    )
    var strict = false

    @Option(
        help: ArgumentHelp(
            "An ARM parameters file for the ARM templates among the inputs (their parameters' defaultValue applies otherwise).",
            valueName: "file"),
        completion: .file(extensions: ["json"]))
    var parameters: String?

    /// The first input, which outputs must never overwrite (nil for the bundled design or standard input).
    var file: String? { files.first == "-" ? nil : files.first }

    /// The environment variable that names a Service Tags file when `--service-tags` is not given.
    static let serviceTagsVariable = "ROUNDTRIP_SERVICE_TAGS"

    /// Loads and compiles the design, or exits 2 with the diagnostics.
    func load(assertions: String? = nil) throws -> (Design, Topology) {
        var design = try loadDesign()
        if let assertions {
            guard let data = FileManager.default.contents(atPath: assertions), String(data: data, encoding: .utf8) != nil else {
                throw InputFailure("\(assertions): error: cannot read the assertions file")
            }
            do {
                design.assertions += try DesignImporter.importAssertions(data, file: assertions)
            } catch {
                throw InputFailure(error)
            }
        }
        return (design, try compile(design))
    }

    /// Compiles a design (with the Service Tags file, if one is named), printing the compiler's warnings on standard
    /// error, or fails with its diagnostics.
    func compile(_ design: Design) throws -> Topology {
        let table = try loadServiceTags()
        do {
            let topology = try Topology.compile(design, serviceTags: table, strict: strict)
            for warning in topology.warnings { Console.note(warning.description + "\n") }
            return topology
        } catch {
            throw InputFailure(error)
        }
    }

    /// The Service Tags file named by `--service-tags`, else by `$ROUNDTRIP_SERVICE_TAGS` (when set and not empty).
    var serviceTagsFile: String? {
        if let serviceTags { return serviceTags }
        guard let value = ProcessInfo.processInfo.environment[Self.serviceTagsVariable], !value.isEmpty else { return nil }
        return value
    }

    /// Reads the Service Tags file, if one is named, or fails with its diagnostics.
    func loadServiceTags() throws -> ServiceTagTable? {
        guard let path = serviceTagsFile else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let problem = exists ? (isDirectory.boolValue ? "is a directory" : "cannot be read") : "no such file"
            throw InputFailure(
                "\(path): error: \(problem), expected Azure's Service Tags JSON (--service-tags or \(Self.serviceTagsVariable))")
        }
        do {
            return try DesignImporter.importServiceTags(data, file: path).table
        } catch {
            throw InputFailure(error)
        }
    }

    /// Reads and imports the design (format detected by ``DesignImporter``), or fails with its diagnostics. After an
    /// import from Azure resources, prints the import summary on standard error; with `--strict`, its skipped and
    /// unknown notes are errors.
    func loadDesign() throws -> Design {
        let inputs = try readInputs()
        let parameters = try readParameters()
        let design: Design
        do {
            design =
                inputs.count == 1 && (inputFormat ?? DesignImporter.detect(inputs[0].0, file: inputs[0].1).format) == .roundtrip
                ? try DesignImporter.importDesign(inputs[0].0, file: inputs[0].1, format: inputFormat)
                : try DesignImporter.importDesign(inputs: inputs, format: inputFormat, parameters: parameters)
        } catch {
            throw InputFailure(error)
        }
        if let summary = design.importSummary {
            Console.note(ImportSummaryText.render(summary))
            if strict {
                let diagnostics = ImportSummaryText.strictDiagnostics(summary)
                if !diagnostics.isEmpty { throw InputFailure(DesignError(diagnostics)) }
            }
        }
        return design
    }

    /// The `--parameters` file's bytes and path, when given.
    func readParameters() throws -> (Data, String)? {
        guard let parameters else { return nil }
        guard let data = FileManager.default.contents(atPath: parameters) else {
            throw InputFailure("\(parameters): error: cannot read the parameters file")
        }
        return (data, parameters)
    }

    /// The inputs' bytes and the names to use in messages: the files (a directory gives its `.json` files), or the
    /// bundled seed-lab design without one.
    func readInputs() throws -> [(Data, String)] {
        guard !files.isEmpty else { return [(Data(BundledDesign.seedLab.utf8), BundledDesign.seedLabName)] }
        var inputs: [(Data, String)] = []
        for path in files {
            if path == "-" {
                inputs.append((FileHandle.standardInput.readDataToEndOfFile(), "<stdin>"))
                continue
            }
            let paths = DesignImporter.inputFiles(at: path)
            if paths.isEmpty { throw InputFailure("\(path): error: the directory holds no .json file") }
            for file in paths {
                guard let data = FileManager.default.contents(atPath: file) else {
                    var isDirectory: ObjCBool = false
                    let exists = FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory)
                    throw InputFailure(
                        "\(file): error: \(exists ? (isDirectory.boolValue ? "is a directory, expected a design file" : "cannot be read") : "no such file")"
                    )
                }
                inputs.append((data, file))
            }
        }
        return inputs
    }
}

extension InputFormat: ExpressibleByArgument {}

/// Output selection shared by commands.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Write the output to this file instead of standard output (written atomically).")
    var output: String?

    @OptionGroup var display: DisplayOptions
}

extension RoundTrip {
    /// Sets ``Console`` from the parsed command's ``DisplayOptions``, wherever the command declares them.
    static func applyDisplayOptions(of command: ParsableCommand) {
        for child in Mirror(reflecting: command).children {
            if let group = child.value as? OptionGroup<DisplayOptions> { group.wrappedValue.apply() }
            if let group = child.value as? OptionGroup<OutputOptions> { group.wrappedValue.display.apply() }
        }
    }
}

/// Bad input: printed to standard error, exit code 2.
struct InputFailure: Error, CustomStringConvertible {
    var description: String
    /// The structured diagnostics behind the message, when the design was read and rejected.
    var diagnostics: [Diagnostic] = []
    init(_ message: String) { description = message }
    init(_ error: DesignError) {
        description = error.description
        diagnostics = error.diagnostics
    }
}

/// The output formats of `check`.
enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, junit, sarif
}

/// The output formats of `trace`.
enum TraceFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, dot, svg, png
}

extension ParsableCommand {
    /// Writes output to a file (atomically, never over the input) or to standard output.
    func emit(_ text: String, to path: String?, input: String?) throws {
        try emit(Data((path == nil ? Console.paint(text) : text).utf8), to: path, input: input)
    }

    /// Writes bytes to a file (atomically, never over the input) or to standard output.
    func emit(_ data: Data, to path: String?, input: String?) throws {
        guard let path else {
            if !Console.quiet { FileHandle.standardOutput.write(data) }
            return
        }
        let target = URL(fileURLWithPath: path).standardizedFileURL
        if let input, URL(fileURLWithPath: input).standardizedFileURL.path == target.path {
            throw InputFailure("\(path): error: refusing to overwrite the input design with output")
        }
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).roundtrip-\(getpid()).tmp")
        do {
            try data.write(to: temporary)
            // rename(2) replaces the target atomically: readers see the old file or the new one, never a part.
            guard rename(temporary.path, target.path) == 0 else {
                throw InputFailure("\(path): error: cannot write output: \(String(cString: strerror(errno)))")
            }
        } catch let failure as InputFailure {
            try? FileManager.default.removeItem(at: temporary)
            throw failure
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw InputFailure("\(path): error: cannot write output: \(error.localizedDescription)")
        }
    }

    /// Runs a body, turning input failures into exit code 2 with the message on standard error.
    func guarded(_ body: () throws -> Int32) throws {
        do {
            let code = try body()
            if code != 0 { throw ExitCode(code) }
        } catch let failure as InputFailure {
            FileHandle.standardError.write(Data((failure.description + "\n").utf8))
            throw ExitCode(2)
        }
    }
}

/// Parses `asymmetric,no-route` into verdicts.
func parseFailOn(_ text: String) throws -> Set<Verdict> {
    var result = Set<Verdict>()
    for part in text.split(separator: ",") {
        let word = part.trimmingCharacters(in: .whitespaces)
        if word == "none" { continue }
        if word == "any" { result.formUnion(Verdict.allCases.filter { $0 != .symmetric }); continue }
        guard let verdict = Verdict(rawValue: word) else {
            throw ValidationError(
                "--fail-on: unknown verdict '\(word)'; use any, none or a list of \(Verdict.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        result.insert(verdict)
    }
    return result
}
