package vn.motcua.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /v3/api-docs and checked in as docs/openapi.json. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI motcuaOpenApi() {
		return new OpenAPI()
			.info(new Info().title("MotCua API")
				.version("v1")
				.description("The one-stop shop of a Vietnamese ward: units, procedure catalog, working-time calendar. "
						+ "Reads are public; changes need the administrator (HTTP Basic). "
						+ "Errors are RFC 9457 problem details with a stable 'code' and the 'errors' at fault.")
				.license(new License().name("Apache-2.0")))
			.components(new io.swagger.v3.oas.models.Components().addSecuritySchemes("administrator",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("administrator"));
	}

}
