		/* LAB(cow.share): a copy-on-write share (cow) must leave both
		 * entries read-only, and say so in *protected (TLB flush). */
