package vn.motcua.shared;

import java.util.Set;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The event publication registry's bookkeeping after an event was delivered (marking a
 * publication in progress, completed or failed) commits without waiting for the disk (see
 * {@link Database#commitWithoutWaitingForDisk()}). Losing such a commit in a crash leaves
 * the publication incomplete, and the registry delivers the event again on restart: the
 * same at-least-once delivery as before, for which listeners are written idempotent. The
 * publication itself is written in the publisher's transaction, which still waits for the
 * disk. Without this, each delivered event costs two more flushes of PostgreSQL's log,
 * which the officers' own commits then queue behind (ADR 11).
 */
@Configuration(proxyBeanMethods = false)
class RegistryCommits {

	private static final Set<String> BOOKKEEPING = Set.of("markProcessing", "markCompleted", "markFailed",
			"markResubmitted");

	@Bean
	static BeanPostProcessor relaxedRegistryBookkeeping(ObjectProvider<Database> database) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (!(bean instanceof EventPublicationRepository)) {
					return bean;
				}
				ProxyFactory proxy = new ProxyFactory(bean);
				proxy.addInterface(EventPublicationRepository.class);
				proxy.addAdvice((MethodInterceptor) invocation -> {
					if (BOOKKEEPING.contains(invocation.getMethod().getName())
							&& TransactionSynchronizationManager.isActualTransactionActive()
							&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
						database.getObject().commitWithoutWaitingForDisk();
					}
					return invocation.proceed();
				});
				return proxy.getProxy();
			}
		};
	}

}
