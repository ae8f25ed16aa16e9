using System.Reflection;
using Platform.Modules.Preconditions;

namespace Platform.Modules.Catalog;

/// <summary>One handler method of a module, made ready to call without reflection's per-call cost.</summary>
public abstract class HandlerInfo
{
    private readonly MethodInvoker invoker;
    private readonly ObjectFactory factory;
    private string? spanName;

    protected HandlerInfo(ModuleInfo module, MethodInfo method)
    {
        if (!typeof(Task).IsAssignableFrom(method.ReturnType))
        {
            throw new ModuleDefinitionException($"{method.DeclaringType!.Name}.{method.Name} must return a Task.");
        }

        Module = module;
        Method = method;
        Parameters = method.GetParameters();
        invoker = MethodInvoker.Create(method);
        factory = ActivatorUtilities.CreateFactory(method.DeclaringType!, []);
        Preconditions = [.. Enclosing(method.DeclaringType!).SelectMany(type => type.GetCustomAttributes<PreconditionAttribute>(inherit: true))
            .Concat(method.GetCustomAttributes<PreconditionAttribute>(inherit: true))];
    }

    public ModuleInfo Module { get; }

    public MethodInfo Method { get; }

    /// <summary>The method's parameters, read once: binding runs on every interaction.</summary>
    public IReadOnlyList<ParameterInfo> Parameters { get; }

    /// <summary>The module's and then the method's preconditions, checked in that order.</summary>
    public IReadOnlyList<PreconditionAttribute> Preconditions { get; }

    /// <summary>A handler's name in logs and metrics.</summary>
    public abstract string DisplayName { get; }

    /// <summary>The name of the span of each run, made once: interactions come by the thousand.</summary>
    internal string SpanName => spanName ??= $"interaction {DisplayName}";

    internal BotModule CreateModule(IServiceProvider services) => (BotModule)factory(services, null);

    internal Task InvokeAsync(BotModule module, object?[] arguments) => (Task)invoker.Invoke(module, arguments.AsSpan())!;

    private static IEnumerable<Type> Enclosing(Type type)
    {
        var chain = new Stack<Type>();
        for (Type? current = type; current is not null; current = current.DeclaringType)
        {
            chain.Push(current);
        }

        return chain;
    }
}

/// <summary>A module that breaks Discord's rules or the module API's; thrown at start-up, never later.</summary>
public sealed class ModuleDefinitionException(string message) : Exception(message);
