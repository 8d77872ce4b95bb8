import ArgumentParser
import Foundation
import RectifyCore
import RectifyImport

extension ImportCommand {
    /// `import --update PLAN REPORT`: the newest report laid over the kept plan (PlanUpdate),
    /// written back to PLAN (or -o FILE) atomically, with a summary on stdout.
    func runUpdate(
        plan planFile: String, report input: (file: String, data: Data), reference: CalendarDate?,
        directory: ContactDirectory?
    ) throws {
        let kept: Plan
        do {
            (kept, _) = try PlanLoader().loadFile(planFile)
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            printError("\(planFile):1:1: error: the plan to update cannot be read; fix it first (rectifyctl check \(planFile)).")
            throw ExitCode(2)
        }
        var imported: Plan
        do {
            let warnings: [Diagnostic]
            (imported, warnings) = try LedgerImporter.importFile(input.data, file: input.file, options: options).asLoaderResult
            for warning in warnings { printError(warning.description) }
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            throw ExitCode(2)
        }
        if let directory {
            let lines = Dictionary(imported.items.map { ($0.id, $0.statusEvidence?.line ?? 1) }, uniquingKeysWith: { a, _ in a })
            for warning in directory.apply(to: &imported, file: input.file, lines: lines) { printError(warning.description) }
        }
        let today = CalendarDate(containing: Date(), in: kept.zone)
        let result = PlanUpdate(kept: kept, report: imported, reportFile: input.file, today: today)
        let target = output ?? planFile
        print(result.summary(planFile: target, reportFile: input.file))
        guard !dryRun else {
            print("(dry run: \(target) not written)")
            return
        }
        let ext = URL(fileURLWithPath: target).pathExtension.lowercased()
        let targetFormat: PlanWriter.Format = ext == "json" ? .json : (ext == "yaml" || ext == "yml") ? .yaml : outputFormat
        let rendered = try PlanWriter.render(result.plan, as: targetFormat)
        if target == planFile {
            // The plan file is the office's: it is not rewritten for nothing, and what a rewrite
            // cannot keep (comments) is kept beside it.
            guard Self.substance(result.plan) != Self.substance(kept) else {
                print("  \(target) left as it is")
                return
            }
            if let previous = FileManager.default.contents(atPath: planFile), Self.hasComments(previous) {
                let backup = planFile + ".bak"
                try OfflineFiles.writeAtomically(previous, to: backup, what: "the previous plan")
                printError("\(planFile): the rewritten plan does not keep its comments; the previous file is \(backup).")
            }
        }
        try writeAtomically(rendered, to: target)
    }

    /// A plan without what an update rewrites every time (where each status was last read, the
    /// report's path): equal substance means there is nothing to write.
    static func substance(_ plan: Plan) -> Plan {
        var plan = plan
        plan.source = nil
        for i in plan.items.indices { plan.items[i].statusEvidence = nil }
        return plan
    }

    /// Whether a YAML plan file has comments: a line that starts with `#`, or ` #` after a value.
    static func hasComments(_ data: Data) -> Bool {
        String(decoding: data, as: UTF8.self).split(separator: "\n").contains { line in
            line.drop { $0 == " " || $0 == "\t" }.hasPrefix("#") || line.contains(" #")
        }
    }
}
