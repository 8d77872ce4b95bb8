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
        let targetFormat: PlanWriter.Format = ext == "json" ? .json : (ext == "yaml" || ext == "yml") ? .yaml : format
        try writeAtomically(try PlanWriter.render(result.plan, as: targetFormat), to: target)
    }
}
