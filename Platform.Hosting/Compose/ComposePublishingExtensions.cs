#pragma warning disable ASPIREPIPELINES001, ASPIREPIPELINES004
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.Hosting.Compose;

public static class ComposePublishingExtensions
{
    public const string StepName = "publish-compose";

    /// <summary>
    /// Makes <c>aspire publish -o DIR</c> write <c>docker-compose.yaml</c> and <c>.env.example</c> into DIR for
    /// every resource given <see cref="PublishAsComposeService{T}"/>, building images from <paramref name="repositoryRoot"/>.
    /// Aspire.Hosting.Docker does this upstream; it is not available to us.
    /// </summary>
    public static IDistributedApplicationBuilder AddComposePublishing(this IDistributedApplicationBuilder builder, string name, string repositoryRoot)
    {
        builder.Pipeline.AddStep(
            StepName,
            async context =>
            {
                var output = Path.GetFullPath(
                    context.Services.GetRequiredService<IPipelineOutputService>().GetOutputDirectory());
                var buildContext = Path.GetRelativePath(
                        output,
                        Path.GetFullPath(repositoryRoot, builder.AppHostDirectory))
                    .Replace('\\', '/');
                var composer = new ComposeFileBuilder(context.Model, context.ExecutionContext, buildContext);
                var file = await composer.BuildAsync(context.CancellationToken);
                await ComposeFileWriter.WriteAsync(
                    output,
                    name,
                    file,
                    composer.Values.Parameters,
                    context.CancellationToken);
                context.Logger.LogInformation(
                    "Wrote {ComposeFile} and {EnvironmentExample} to {Directory}",
                    ComposeFileWriter.ComposeFileName,
                    ComposeFileWriter.EnvironmentExampleFileName,
                    output);
            },
            requiredBy: WellKnownPipelineSteps.Publish);

        return builder;
    }

    public static IResourceBuilder<T> PublishAsComposeService<T>(
        this IResourceBuilder<T> resource,
        ComposeServiceAnnotation service)
        where T : IResource => resource.WithAnnotation(service, ResourceAnnotationMutationBehavior.Replace);
}
