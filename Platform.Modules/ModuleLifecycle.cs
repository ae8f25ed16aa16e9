using Platform.Modules.Catalog;

namespace Platform.Modules;

/// <summary>Runs each module's <c>OnLoadAsync</c> at start-up and <c>OnUnloadAsync</c> at shutdown, each in a scope of its own.</summary>
internal sealed class ModuleLifecycle(ModuleCatalog catalog, IServiceScopeFactory scopes)
{
    public Task LoadAsync(CancellationToken cancellationToken) =>
        ForEachAsync((module, token) => module.OnLoadAsync(token), cancellationToken);

    public Task UnloadAsync(CancellationToken cancellationToken) =>
        ForEachAsync((module, token) => module.OnUnloadAsync(token), cancellationToken);

    private async Task ForEachAsync(Func<BotModule, CancellationToken, Task> hook, CancellationToken cancellationToken)
    {
        foreach (var module in catalog.Modules)
        {
            await using var scope = scopes.CreateAsyncScope();
            await hook((BotModule)ActivatorUtilities.CreateInstance(scope.ServiceProvider, module.Type), cancellationToken);
        }
    }
}
