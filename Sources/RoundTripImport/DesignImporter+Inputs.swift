import Foundation
import RoundTripCore

extension DesignImporter {
    /// Imports a design from several inputs: the resources of every input that is not a RoundTrip design (Azure
    /// resource JSON) are pooled and built into one design; RoundTrip designs (YAML or JSON) are merged on top by
    /// name, so a file holding only `flows`, `assertions`, `endpoints`, `onPremisesNetworks` or `options` combines
    /// with the imported resources.
    ///
    /// - Parameters:
    ///   - inputs: each input's bytes and the path to name in messages, in order.
    ///   - format: the form of every input; detected per input when nil.
    /// - Throws: ``DesignError`` with every problem found, each with its location; the same element name defined in
    ///   two places is an error naming both.
    ///   - parameters: an ARM parameters file (`{"parameters": {"x": {"value": …}}}`) and its path, for the ARM templates
    ///     among the inputs; their parameters' `defaultValue`s apply otherwise.
    public static func importDesign(
        inputs: [(Data, String)], format: InputFormat? = nil, parameters: (Data, String)? = nil
    ) throws(DesignError) -> Design {
        var resources: [AzureResource] = []
        var overlays: [Design] = []
        var notes: [ImportSummary.Note] = []
        var unknown: [ImportSummary.Note] = []
        var forms: [(file: String, form: String)] = []
        var errors: [Diagnostic] = []
        for (data, file) in inputs {
            do {
                let text = try text(of: data, file: file)
                switch format ?? detect(text, file: file).format {
                case .roundtrip:
                    overlays.append(try DesignReader.parse(text, file: file))
                case .azureJSON:
                    let result = try AzureJSONReader.read(Data(text.utf8), file: file)
                    resources += result.resources
                    notes += result.notes
                    forms.append((file, InputFormat.azureJSON.rawValue))
                case .armTemplate:
                    let result = try ARMTemplateReader.read(
                        Data(text.utf8), file: file, parameters: parameters?.0, parametersFile: parameters?.1)
                    resources += result.resources
                    notes += result.notes
                    forms.append((file, InputFormat.armTemplate.rawValue))
                case .terraform:
                    let result = try TerraformPlanReader.readDetailed(Data(text.utf8), file: file)
                    resources += result.resources
                    notes += result.skipped
                    unknown += result.unknown
                    forms.append((file, InputFormat.terraform.rawValue))
                }
            } catch {
                errors += error.diagnostics
            }
        }
        if !errors.isEmpty { throw DesignError(errors) }
        guard !forms.isEmpty else {
            guard var design = overlays.first else {
                throw DesignError([Diagnostic(.error, .empty, at: SourceLocation(file: "", line: 0, column: 0), "no input")])
            }
            for overlay in overlays.dropFirst() { try merge(overlay, into: &design) }
            return design
        }
        let first = forms[0].file
        let name = overlays.first?.name ?? URL(fileURLWithPath: first).deletingPathExtension().lastPathComponent
        var (design, diagnostics) = AzureDesignBuilder.build(resources, name: name, file: first)
        if !diagnostics.isEmpty { throw DesignError(diagnostics) }
        design.importSummary?.inputs = forms
        design.importSummary?.skipped.insert(contentsOf: notes, at: 0)
        design.importSummary?.unknown.insert(contentsOf: unknown, at: 0)
        for overlay in overlays { try merge(overlay, into: &design) }
        pruneUnknownNodePools(&design)
        return design
    }

    /// Drops node pools an imported cluster names but no input gives as a workload (their addresses are assigned at
    /// deployment), and clusters left with none; the import summary already says why.
    static func pruneUnknownNodePools(_ design: inout Design) {
        let workloads = Set(design.workloads.map(\.name))
        for i in design.kubernetesClusters.indices {
            design.kubernetesClusters[i].nodePools.removeAll { !workloads.contains($0) }
        }
        design.kubernetesClusters.removeAll { $0.nodePools.isEmpty }
    }

    /// Adds a RoundTrip design's elements to a design: name, description, options and a region other than the default are
    /// taken from the overlay; every list is joined, and a name that both define is an error naming both places.
    static func merge(_ overlay: Design, into design: inout Design) throws(DesignError) {
        var errors: [Diagnostic] = []
        func join<T>(_ path: WritableKeyPath<Design, [T]>, _ kind: String, name: (T) -> String, source: (T) -> SourceMap) {
            var seen: [String: SourceLocation] = [:]
            for element in design[keyPath: path] { seen[name(element)] = source(element).element }
            for element in overlay[keyPath: path] {
                if let other = seen[name(element)] {
                    errors.append(
                        Diagnostic(
                            .error, .duplicateName, at: source(element).element,
                            "\(kind) '\(name(element))' is defined twice: here and at \(other)"))
                    continue
                }
                design[keyPath: path].append(element)
            }
        }
        if !overlay.name.isEmpty { design.name = overlay.name }
        design.description = overlay.description ?? design.description
        if overlay.region != "westeurope" || design.importSummary == nil { design.region = overlay.region }
        design.options = overlay.options
        join(\.publicIPAddresses, "public IP", name: \.name, source: \.source)
        join(\.virtualNetworks, "virtual network", name: \.name, source: \.source)
        join(\.virtualNetworkPeerings, "peering", name: { "\($0.from)/\($0.name)" }, source: \.source)
        join(\.routeTables, "route table", name: \.name, source: \.source)
        join(\.natGateways, "NAT gateway", name: \.name, source: \.source)
        join(\.virtualNetworkGateways, "virtual network gateway", name: \.name, source: \.source)
        join(\.onPremisesNetworks, "on-premises network", name: \.name, source: \.source)
        join(\.loadBalancers, "load balancer", name: \.name, source: \.source)
        join(\.azureFirewalls, "firewall", name: \.name, source: \.source)
        join(\.applicationGateways, "application gateway", name: \.name, source: \.source)
        join(\.workloads, "workload", name: \.name, source: \.source)
        join(\.kubernetesClusters, "cluster", name: \.name, source: \.source)
        join(\.endpoints, "endpoint", name: \.name, source: \.source)
        join(\.flows, "flow", name: \.name, source: \.source)
        join(\.serviceTags, "service tag", name: \.name, source: \.source)
        join(\.assertions, "assertion", name: \.name, source: \.source)
        if !errors.isEmpty { throw DesignError(errors) }
    }

    /// Which imported form a JSON text is, judged by its content: a Terraform plan or state (`format_version` and
    /// `planned_values` or `values.root_module`), or Azure resource JSON (a resource whose `type` is `Microsoft.*`, a
    /// list of them, a list response or Resource Graph result holding them, or a REST API example); nil for a
    /// RoundTrip design or anything else.
    static func jsonForm(_ text: String, file: String) -> InputFormat? {
        guard let root = try? JSONParser.parse(text, file: file, allowComments: true) else {
            // Malformed: judge by the words, so that the right reader reports the syntax error.
            let lowered = text.lowercased()
            if lowered.contains(DesignReader.apiVersion) { return nil }
            if lowered.contains("\"format_version\"") && lowered.contains("\"terraform_version\"") { return .terraform }
            if lowered.contains("deploymenttemplate.json") || lowered.contains("\"contentversion\"") { return .armTemplate }
            return lowered.contains("\"type\"") && lowered.contains("\"microsoft.") ? .azureJSON : nil
        }
        if TerraformPlanReader.looksLikeTerraform(root) { return .terraform }
        if ARMTemplateReader.looksLikeTemplate(root) { return .armTemplate }
        return AzureJSONReader.recognizes(root) ? .azureJSON : nil
    }

    /// The inputs a path names: the file itself, or every `.json` file in a directory, sorted by name.
    public static func inputFiles(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let base = path.hasSuffix("/") ? path : path + "/"
        return names.filter { $0.lowercased().hasSuffix(".json") }.sorted().map { base + $0 }
    }
}
