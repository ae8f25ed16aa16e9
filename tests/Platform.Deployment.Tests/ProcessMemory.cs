namespace Platform.Deployment.Tests;

/// <summary>
/// The proportional set size of a process and every process under it, from /proc: shared pages count once, split
/// among their users. It is the measure <c>run-local-footprint.sh</c> takes of local mode, so a container's figure
/// can stand beside a local process's (podman stats reports the cgroup's usage, which counts otherwise).
/// </summary>
public static class ProcessMemory
{
    public static double ProportionalMegabytes(int root)
    {
        var children = Directory.EnumerateDirectories("/proc")
            .Select(path => int.TryParse(Path.GetFileName(path), out var pid) ? pid : 0)
            .Where(pid => pid > 0)
            .Select(pid => (Pid: pid, Parent: ParentOf(pid)))
            .ToLookup(process => process.Parent, process => process.Pid);
        var tree = new List<int>();
        for (var pending = new Queue<int>([root]); pending.TryDequeue(out var pid);)
        {
            tree.Add(pid);
            foreach (var child in children[pid])
            {
                pending.Enqueue(child);
            }
        }

        return tree.Sum(ProportionalKilobytes) / 1024.0;
    }

    // After the command's closing parenthesis (a command may hold spaces and parentheses): state, then the parent's pid.
    private static int ParentOf(int pid) =>
        Read($"/proc/{pid}/stat") is { } stat && stat[(stat.LastIndexOf(')') + 2)..].Split(' ') is [_, var parent, ..] ? int.Parse(parent) : 0;

    private static long ProportionalKilobytes(int pid) =>
        Read($"/proc/{pid}/smaps_rollup")?.Split('\n').FirstOrDefault(line => line.StartsWith("Pss:", StringComparison.Ordinal)) is { } line
            ? long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1])
            : 0;

    // A process may end while it is being read.
    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
