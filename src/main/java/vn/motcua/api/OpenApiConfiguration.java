package vn.motcua.api;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.shared.ProblemCode;

/** The OpenAPI description served at /v3/api-docs and checked in as docs/openapi.json. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String PROBLEM_DETAIL = "ProblemDetail";

	@Bean
	OpenAPI motcuaOpenApi() {
		return new OpenAPI()
			.info(new Info().title("MotCua API")
				.version("v1")
				.description("The one-stop shop of a Vietnamese ward: units, procedure catalog, working-time calendar. "
						+ "Reads are public; changes need the administrator (HTTP Basic). "
						+ "Errors are RFC 9457 problem details with a stable 'code' and the 'errors' at fault.")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes("administrator",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("administrator"));
	}

	/**
	 * The problem detail every failure is answered with, as a schema whose {@code code}
	 * is one of {@link ProblemCode} (each with its description, also as
	 * {@code x-enum-descriptions}), and as every operation's {@code default} response.
	 */
	@Bean
	OpenApiCustomizer problemDetails() {
		return openApi -> {
			openApi.getComponents().addSchemas(PROBLEM_DETAIL, problemDetailSchema());
			ApiResponse problem = new ApiResponse()
				.description("A failure: an RFC 9457 problem detail with a stable code and the errors at fault")
				.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_DETAIL))));
			if (openApi.getPaths() != null) {
				openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
					if (operation.getResponses() != null && !operation.getResponses().containsKey("default")) {
						operation.getResponses().addApiResponse("default", problem);
					}
				}));
			}
		};
	}

	/**
	 * The optional {@code Idempotency-Key} header of every POST of a signed-in caller
	 * (ADR 25; {@link IdempotencyFilter}).
	 */
	@Bean
	OpenApiCustomizer idempotencyKeys() {
		return openApi -> {
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().forEach((path, item) -> {
				io.swagger.v3.oas.models.Operation post = item.getPost();
				// the look-up's rating and the signature check are anonymous: there is no
				// caller to keep a key for (and the check changes nothing)
				if (post == null || !path.startsWith("/api/v1/") || path.startsWith("/api/v1/lookup/")
						|| path.startsWith("/api/v1/signatures/")) {
					return;
				}
				post.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER)
					.required(false)
					.description("Makes the request safe to retry: a retry with the same key and the same request"
							+ " (method, path and body) gets the first answer again (status, body, Location, with"
							+ " the header Idempotent-Replayed: true) and changes nothing. Keys are the signed-in"
							+ " caller's and kept 24 hours. The same key with a different request: 422"
							+ " IDEMPOTENCY_KEY_REUSED; while the first request is still being carried out: 409"
							+ " IDEMPOTENCY_KEY_IN_PROGRESS; failures are not kept (a retry runs again). JSON and raw"
							+ " bodies of at most 1 MB only (not multipart).")
					.schema(new StringSchema().minLength(1).maxLength(100).pattern("^[\\x20-\\x7E]+$")));
			});
		};
	}

	static final String DOSSIER_STEP = "DossierStep";

	/**
	 * A dossier's steps as their own schema: springdoc names schemas by simple class
	 * name, and the catalog's process step ({@code ProcedureContent.Step}) and a
	 * dossier's ({@code DossierView.Step}) are both "Step", so that the dossier's steps
	 * were described as the catalog's.
	 */
	@Bean
	OpenApiCustomizer dossierSteps() {
		return openApi -> {
			Schema<?> step = io.swagger.v3.core.converter.ModelConverters.getInstance()
				.readAllAsResolvedSchema(vn.motcua.dossier.DossierView.Step.class).schema;
			Schema<?> view = openApi.getComponents().getSchemas() == null ? null
					: openApi.getComponents().getSchemas().get("DossierView");
			if (step == null || view == null || view.getProperties() == null
					|| view.getProperties().get("steps") == null) {
				return;
			}
			openApi.getComponents().addSchemas(DOSSIER_STEP, step.name(DOSSIER_STEP));
			view.getProperties().get("steps").setItems(new Schema<>().$ref("#/components/schemas/" + DOSSIER_STEP));
		};
	}

	static Schema<?> problemDetailSchema() {
		List<String> names = Arrays.stream(ProblemCode.values()).map(ProblemCode::name).toList();
		Schema<String> code = new StringSchema()._enum(names)
			.description("What went wrong, stable for clients to branch on:\n\n" + Arrays.stream(ProblemCode.values())
				.map(c -> "- `" + c.name() + "`: " + c.description())
				.collect(Collectors.joining("\n")));
		code.addExtension("x-enum-descriptions",
				Arrays.stream(ProblemCode.values()).map(ProblemCode::description).toList());
		Schema<?> error = new ObjectSchema().description("One wrong value")
			.addProperty("field", new StringSchema().description("the field, parameter or header at fault"))
			.addProperty("line", new IntegerSchema().description("the line of an imported file, if any"))
			.addProperty("reason", new StringSchema().description("why it is wrong"));
		return new ObjectSchema().description("An RFC 9457 problem detail")
			.addProperty("type", new StringSchema().format("uri"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema().format("uri"))
			.addProperty("code", code)
			.addProperty("errors", new ArraySchema().items(error))
			.required(List.of("code", "status"));
	}

}
